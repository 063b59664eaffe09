import { render } from 'preact';
import { createApiClient } from './api/api-client.js';
import { App } from './app/app.js';
import './styles.css';

const root = document.getElementById('app');
if (root !== null) {
  const base = root.dataset.base ?? '/console';
  root.textContent = '';
  render(<App api={createApiClient(base)} />, root);
}
