// The house style's numbers in one place: fonts, sizes (half-points), colours, page geometry (twips).
export const FONT = 'Arial';
export const SIZE = { body: 22, small: 18, title: 40, h1: 30, h2: 26, h3: 23, marking: 20 } as const;
export const COLOUR = { ink: '1B1F24', muted: '4A5563', accent: '1D5C96', headerFill: 'E6EEF7', line: 'A9B4C0', draft: 'A4262C' } as const;
/** A4 in twips, with 2.54 cm margins. */
export const PAGE = { width: 11906, height: 16838, margin: 1440 } as const;
export const APP_NAME = 'Serious Case Panel app';
