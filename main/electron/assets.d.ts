// Vite turns `import x from './file.png?inline'` into a data: URL string at build time.
declare module '*.png?inline' {
  const dataUrl: string;
  export default dataUrl;
}
