/** A scenario file shipped in scenarios/: its file id (name without .json), title and raw JSON. */
export interface LibraryEntry {
  id: string;
  name: string;
  json: unknown;
}

const files = import.meta.glob('../../scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

/** The id of the scenario the page opens with. */
export const DEFAULT_SCENARIO = 'intrastate-conflict';

/** Every scenario in scenarios/ (the JSON Schema excluded), the default first, then by name. */
export const scenarioLibrary: LibraryEntry[] = Object.entries(files)
  .map(([path, json]) => {
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const name = typeof json === 'object' && json !== null && typeof (json as { name?: unknown }).name === 'string' ? (json as { name: string }).name : id;
    return { id, name, json };
  })
  .filter((e) => e.id !== 'scenario.schema')
  .sort((a, b) => (a.id === DEFAULT_SCENARIO ? -1 : b.id === DEFAULT_SCENARIO ? 1 : a.name.localeCompare(b.name)));
