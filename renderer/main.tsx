import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, makeQueryClient } from './App';
import { prefetchFirstData } from './firstData';
import './styles.css';

const queryClient = makeQueryClient();
prefetchFirstData(queryClient, window.location.hash);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
