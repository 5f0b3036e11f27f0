declare module 'seedrandom/lib/alea.js' {
  const alea: (seed: string, options: { state: unknown }) => unknown;
  export default alea;
}
