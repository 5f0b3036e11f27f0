declare module 'virtual:odd-html' {
  /** docs/ODD.md rendered to HTML at build time. */
  const html: string;
  export default html;
}

declare module 'virtual:students-html' {
  /** docs/students.md (the model in one page, for students) rendered to HTML at build time. */
  const html: string;
  export default html;
}
