// First: the window's first calls go out before the rest of the app's code is evaluated.
import './early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, makeQueryClient } from './App';
import { firstAnswers } from './firstData';
import './styles.css';

const queryClient = makeQueryClient();
// Not a top-level await: that would have the bundler split the app into chunks fetched one after
// another before any of it runs (the chart pages' lazy imports share code with it).
void firstAnswers(queryClient, window.location.hash).then(() =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  ),
);
