/** Stylesheets are imported for their side effect; Vite bundles them into one .css file. */
declare module '*.css';
