import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ThemeInput, ThemeUpdate } from '#shared/domain/themes';
import { call } from '../../api/client';
import { keys } from '../../api/keys';

export function useThemes() {
  return useQuery({ queryKey: keys.themes.list, queryFn: () => call('listThemes', {}) });
}

/** Every theme's id, title and status, for lists of choices: not the counts and owners listThemes carries. */
export function useThemeOptions() {
  return useQuery({ queryKey: keys.themes.options, queryFn: () => call('themeOptions', {}) });
}

/** The `limit` themes with most evidence this quarter. */
export function useGrowingThemes(limit: number) {
  return useQuery({ queryKey: keys.themes.growing(limit), queryFn: () => call('growingThemes', { limit }) });
}

export function useTheme(id: number) {
  return useQuery({ queryKey: keys.themes.detail(id), queryFn: () => call('getTheme', { id }) });
}

export function useSuggestions(id: number, enabled: boolean) {
  return useQuery({ queryKey: keys.themes.suggestions(id), queryFn: () => call('suggestEvidence', { themeId: id }), enabled });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: keys.themes.all }), qc.invalidateQueries({ queryKey: keys.evidence.all })]);
}

export function useSaveTheme() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (v: ThemeInput | ThemeUpdate) => ('id' in v ? call('updateTheme', v) : call('createTheme', v)), onSuccess: invalidate });
}

export function useLinkEvidence() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (v: { themeId: number; evidenceIds: number[]; note: string }) => call('linkEvidence', v), onSuccess: invalidate });
}

export function useUnlinkEvidence() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (v: { themeId: number; evidenceId: number }) => call('unlinkEvidence', v), onSuccess: invalidate });
}

export function useUpdateLinkNote() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (v: { themeId: number; evidenceId: number; note: string }) => call('updateLinkNote', v), onSuccess: invalidate });
}

export function useRejectSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { themeId: number; evidenceId: number }) => call('rejectSuggestion', v),
    onSuccess: (list, v) => qc.setQueryData(keys.themes.suggestions(v.themeId), list),
  });
}
