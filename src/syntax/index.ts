/**
 * dyad's syntax queries over the `deps` layer (stage `parse`), shared by actors, events, modality
 * and time. Build the indexed tree once with `syntaxOf(doc)`; every query takes it and token
 * indices into `doc.tokens`, and answers -1 / null / [] when there is nothing.
 */
export {
  ancestorsOf, baseRel, childOf, childrenOf, childrenWithBase, dominates, headOf, phraseSpan, relOf, rootOf,
  subtreeOf, syntaxOf, uposOf, type Syntax,
} from './tree.js';
export {
  agentOf, appositionsOf, auxiliariesOf, caseOf, clauseOf, complementOf, conjunctsOf, firstConjunct,
  governingChain, governingVerbOf, isClauseHead, isNegated, isPassive, markersOf, negationOf, objectsOf,
  obliquesOf, patientOf, possessorOf, reportingVerbOf, subjectOf, withConjuncts,
  type Argument, type ArgumentVia, type Oblique,
} from './clause.js';
export {
  coordinatedModifiers, governorOfNoun, governorSubject, namingTokens, nounArguments, passiveSufferer, verbArguments, type PredicateArguments,
} from './predicate.js';
