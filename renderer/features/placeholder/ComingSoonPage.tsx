import { Page } from '../../ui/Page';

const WHAT: Record<string, string> = {
  Evidence:
    'The evidence register: Internal Process Reviews, complaint themes, frontline feedback, Independent Case Examiner reports, coroners’ Prevention of Future Deaths reports and Safeguarding Adult Reviews, with the coroners’ 56-day response tracker.',
  Themes: 'Themes assembled from evidence, with their profile by source and quarter, ready to go on a panel’s agenda.',
  Recommendations: 'Every panel recommendation, tracked from proposal to implementation, with its full history and lineage back to the evidence.',
  Documents: 'Every agenda, pack, set of minutes and Board report the app has written, with where it was saved.',
};

export function ComingSoonPage({ section }: { section: keyof typeof WHAT | string }) {
  return (
    <Page title={section}>
      <div className="state state--empty">
        <h2 className="state__title">Coming soon</h2>
        <p>{WHAT[section] ?? 'This section is being built.'}</p>
      </div>
    </Page>
  );
}
