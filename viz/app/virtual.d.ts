declare module 'virtual:odd-html' {
  /** docs/ODD.md rendered to HTML at build time. */
  const html: string;
  export default html;
}
