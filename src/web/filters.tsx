/** The filter form shared by search, network and map: the filters of `dyad query`, kept in the URL. */
import { useEffect, useRef, useState } from 'preact/hooks';

export const FILTER_KEYS = ['actor', 'dyad', 'cameo', 'root', 'plover', 'modality', 'from', 'to', 'place', 'topic'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The values of the modality field (ModalityValue in src/core/doc.ts). */
const MODALITIES = ['occurred', 'planned', 'expected', 'hypothetical', 'negated', 'claimed'];

/** The filters present in the URL, as API query parameters. */
export function filtersOf(params: URLSearchParams): Record<FilterKey, string> {
  const out = {} as Record<FilterKey, string>;
  for (const k of FILTER_KEYS) out[k] = params.get(k) ?? '';
  return out;
}

export function filterQuery(f: Record<FilterKey, string>, extra: Record<string, string> = {}): URLSearchParams {
  const u = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k].trim()) u.set(k, f[k].trim());
  if (u.has('dyad')) u.set('undirected', 'true');
  for (const [k, v] of Object.entries(extra)) u.set(k, v);
  return u;
}

function Field(props: { name: FilterKey; label: string; value: string; placeholder?: string; type?: 'text' | 'date'; onInput: (k: FilterKey, v: string) => void; inputRef?: preact.Ref<HTMLInputElement> }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <input name={props.name} type={(props.type ?? 'text') as 'text'} value={props.value} placeholder={props.placeholder} ref={props.inputRef}
        onInput={(e) => props.onInput(props.name, (e.currentTarget as HTMLInputElement).value)} />
    </label>
  );
}

function Choice(props: { name: FilterKey; label: string; value: string; options: string[]; onInput: (k: FilterKey, v: string) => void }) {
  return (
    <label class="field">
      <span>{props.label}</span>
      <select name={props.name} value={props.value} onChange={(e) => props.onInput(props.name, (e.currentTarget as HTMLSelectElement).value)}>
        <option value="">any</option>
        {props.options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
}

/** The form; submitting (Enter, or the button) calls onApply with the filters. "/" focuses the actor box. */
export function FilterForm(props: { initial: Record<FilterKey, string>; ploverTypes: readonly string[]; onApply: (f: Record<FilterKey, string>) => void }) {
  const [f, setF] = useState(props.initial);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => setF(props.initial), [JSON.stringify(props.initial)]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (e.key === '/' && t && !['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName)) {
        e.preventDefault();
        first.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  const set = (k: FilterKey, v: string): void => setF({ ...f, [k]: v });
  return (
    <form class="filters" role="search" onSubmit={(e) => { e.preventDefault(); props.onApply(f); }}>
      <Field name="actor" label="actor" value={f.actor} placeholder="RUS, RUSGOV, Putin  (press /)" onInput={set} inputRef={first} />
      <Field name="dyad" label="dyad" value={f.dyad} placeholder="RUS,CHN" onInput={set} />
      <Field name="cameo" label="CAMEO code" value={f.cameo} placeholder="042, 19" onInput={set} />
      <Choice name="plover" label="PLOVER type" value={f.plover} options={[...props.ploverTypes]} onInput={set} />
      <Choice name="modality" label="modality" value={f.modality} options={MODALITIES} onInput={set} />
      <Field name="from" label="from" type="date" value={f.from} onInput={set} />
      <Field name="to" label="to" type="date" value={f.to} onInput={set} />
      <Field name="place" label="place" value={f.place} placeholder="CHN, Beijing" onInput={set} />
      <Field name="topic" label="topic" value={f.topic} placeholder="economic" onInput={set} />
      <div class="buttons">
        <button type="submit">Apply</button>
        <button type="button" class="secondary" onClick={() => props.onApply(filtersOf(new URLSearchParams()))}>Clear</button>
      </div>
    </form>
  );
}
