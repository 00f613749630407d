// Where the house font's files are on this machine: Arial on Windows and macOS, its metric twin
// Liberation Sans on Linux, else DejaVu Sans. The charts are drawn with them and the pack's pages
// are laid out with them; one list serves both.
import { join } from 'node:path';

const WINDOWS_FONTS = join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');

export interface FontFamilyPlaces {
  family: string;
  /** Arial or a font with Arial's widths, so text measured in it lays out as Word lays out Arial */
  arialWidths: boolean;
  /** each place: regular, bold, italic and bold italic files, in that order */
  places: string[][];
}

export const HOUSE_FONT_FAMILIES: FontFamilyPlaces[] = [
  {
    family: 'Arial',
    arialWidths: true,
    places: [
      ['arial.ttf', 'arialbd.ttf', 'ariali.ttf', 'arialbi.ttf'].map((f) => join(WINDOWS_FONTS, f)),
      ['Arial.ttf', 'Arial Bold.ttf', 'Arial Italic.ttf', 'Arial Bold Italic.ttf'].map((f) => `/System/Library/Fonts/Supplemental/${f}`),
      ['Arial.ttf', 'Arial Bold.ttf', 'Arial Italic.ttf', 'Arial Bold Italic.ttf'].map((f) => `/Library/Fonts/${f}`),
      ['Arial.ttf', 'Arial_Bold.ttf', 'Arial_Italic.ttf', 'Arial_Bold_Italic.ttf'].map((f) => `/usr/share/fonts/truetype/msttcorefonts/${f}`),
    ],
  },
  {
    family: 'Liberation Sans',
    arialWidths: true,
    places: ['/usr/share/fonts/truetype/liberation', '/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/liberation-sans', '/usr/share/fonts/liberation'].map((dir) =>
      ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((face) => `${dir}/LiberationSans-${face}.ttf`),
    ),
  },
  {
    family: 'DejaVu Sans',
    arialWidths: false,
    places: ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu-sans-fonts', '/usr/share/fonts/dejavu'].map((dir) =>
      ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((f) => `${dir}/${f}`),
    ),
  },
];
