import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './api';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/views.css';

const container = document.getElementById('root');
if (!container) throw new Error('Movesnack: #root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App api={getApi()} />
  </StrictMode>,
);
