/**
 * Items of a layer grouped by sentence, built once per document: stages look up a sentence's
 * mentions here instead of filtering the whole layer for each sentence or event, which made their
 * time grow with the square of the document's length.
 */
export function bySentence<T extends { readonly sentence: number }>(items: readonly T[]): (sentence: number) => readonly T[] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.sentence);
    if (group) group.push(item);
    else groups.set(item.sentence, [item]);
  }
  return (sentence) => groups.get(sentence) ?? [];
}
