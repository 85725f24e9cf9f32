import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './data/api';
import './styles/tokens.css';
import './styles/base.css';
// Shared helpers (cards, pills, badges, notes); each component's own rules sit next to it.
import './styles/utilities.css';
// After the app's styles: the browser shell's strip uses their tokens.
import { installWebShell } from './web-shell';

const container = document.getElementById('root');
if (!container) throw new Error('Movesnack: #root is missing from index.html');

// The browser shell's API, when this page came from it (the preload's wins in Electron).
installWebShell();

createRoot(container).render(
  <StrictMode>
    <App api={getApi()} />
  </StrictMode>,
);
