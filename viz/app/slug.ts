/** A file-name-safe form of `s`: lower case, ASCII letters and digits joined by hyphens; "scenario" when nothing is left. */
export function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
}
