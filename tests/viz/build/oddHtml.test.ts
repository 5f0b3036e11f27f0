import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingSlug, renderMarkdown } from '../../../viz/build/oddHtml';

describe('oddHtml', () => {
  it('renderMarkdown(md) anchors headings as GitHub does', () => {
    expect(renderMarkdown('## 1 Purpose and patterns\n')).toBe('<h2 id="1-purpose-and-patterns">1 Purpose and patterns</h2>\n');
    expect(headingSlug('Differences from MODEL.md')).toBe('differences-from-modelmd');
  });

  it('renderMarkdown(docs/ODD.md) gives every in-page link of the document a target', () => {
    const html = renderMarkdown(readFileSync('docs/ODD.md', 'utf8'));
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !ids.has(l))).toEqual([]);
  });
});
