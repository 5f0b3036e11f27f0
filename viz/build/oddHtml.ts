import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Marked, type Tokens } from 'marked';
import type { Plugin } from 'vite';

const ID = 'virtual:odd-html';

/** GitHub's heading anchors, so the document's own table of contents links work. */
export function headingSlug(text: string): string {
  return text.toLowerCase().trim().replace(/<[^>]*>/g, '').replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
}

/** Renders markdown to HTML with anchored headings (marked is pinned in package.json). */
export function renderMarkdown(md: string): string {
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline: (t: Tokens.Heading['tokens']) => string } }, { tokens, depth, text }: Tokens.Heading) {
        return `<h${depth} id="${headingSlug(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
      // links to the other documents in docs/ (MODEL.md, claims.md…) have no page in the app:
      // keep their text, drop the dead link
      link(this: { parser: { parseInline: (t: Tokens.Link['tokens']) => string } }, { href, tokens }: Tokens.Link) {
        if (/^[^:#/]+\.md(#.*)?$/.test(href)) return `<span class="doc-ref">${this.parser.parseInline(tokens)}</span>`;
        return false;
      },
    },
  });
  return marked.parse(md, { async: false }) as string;
}

/**
 * A Vite plugin: `import html from '<id>'` gives the markdown file `relative` rendered at build
 * time, so the page ships no markdown parser. The files are our own, so their HTML is trusted.
 */
export function markdownModule(id: string, relative: string): Plugin {
  // Absolute, or the dev server takes the watched file for an unresolved import.
  const path = resolve(relative);
  return {
    name: `detente-markdown:${id}`,
    resolveId: (x) => (x === id ? '\0' + id : undefined),
    load(x) {
      if (x !== '\0' + id) return undefined;
      this.addWatchFile(path);
      let md: string;
      try {
        md = readFileSync(path, 'utf8');
      } catch {
        md = `This document (${relative}) is not in this build.`;
      }
      return `export default ${JSON.stringify(renderMarkdown(md))};`;
    },
  };
}

/** `virtual:odd-html`: docs/ODD.md, the full model description, for the About dialog. */
export function oddHtml(relative = 'docs/ODD.md'): Plugin {
  return markdownModule(ID, relative);
}

/** `virtual:students-html`: docs/students.md, the one-page summary for students that opens the About dialog. */
export function studentsHtml(relative = 'docs/students.md'): Plugin {
  return markdownModule('virtual:students-html', relative);
}
