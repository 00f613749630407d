// Imported first by main.tsx, so that this runs before the rest of the renderer is evaluated.
import { startFirstCalls } from './firstCalls';

startFirstCalls(window.location.hash);
