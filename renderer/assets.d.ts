/** Stylesheets are imported for their side effect; Vite bundles them into one .css file. */
declare module '*.css';

/** The figures' keyframes, generated from illustrations/poses.ts by vite-illustrations.config.ts. */
declare module 'virtual:illustrations.css';
