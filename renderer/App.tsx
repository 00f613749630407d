import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { FirstRun } from './features/identity/FirstRun';
import { useIdentity } from './features/identity/hooks';
import { EditMemberPage, NewMemberPage } from './features/members/MemberForm';
import { MembersPage } from './features/members/MembersPage';
import { PanelDetailPage } from './features/panels/PanelDetailPage';
import { MeetingPage } from './features/meeting/MeetingPage';
import { EditPanelPage, NewPanelPage } from './features/panels/PanelForm';
import { PanelsPage } from './features/panels/PanelsPage';
import { PlanYearPage } from './features/panels/PlanYearPage';
import { TorListPage } from './features/tor/TorListPage';
import { TorVersionPage } from './features/tor/TorVersionPage';
import { ActionsPage } from './features/recommendations/ActionsPage';
import { RecommendationDetailPage } from './features/recommendations/RecommendationDetailPage';
import { RecommendationsPage } from './features/recommendations/RecommendationsPage';
import { CoronersPage } from './features/evidence/CoronersPage';
import { EditEvidencePage, NewEvidencePage } from './features/evidence/EvidenceForm';
import { EvidenceDetailPage } from './features/evidence/EvidenceDetailPage';
import { EvidenceListPage } from './features/evidence/EvidenceListPage';
import { ImportPage } from './features/evidence/ImportPage';
import { SearchPage } from './features/search/SearchPage';
import { DocumentsPage } from './features/documents/DocumentsPage';
import { RetentionReviewPage } from './features/retention/RetentionReviewPage';
import { EditThemePage, NewThemePage } from './features/themes/ThemeForm';
import { ThemesPage } from './features/themes/ThemesPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { Layout } from './Layout';
import { Page } from './ui/Page';
import { ErrorState, Loading } from './ui/States';
import { ToastProvider } from './ui/Toast';

/**
 * Calls go to the app's own main process, never the network: 'always' keeps them running when
 * the machine is offline (the default would pause every query and save until it reconnects).
 */
export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000, networkMode: 'always' },
      mutations: { networkMode: 'always' },
    },
  });
}

// The pages with charts load the chart library when first opened, so the app's first screen
// does not wait to compile it (a third of the bundle).
const ChartsPage = lazy(() => import('./features/insights/ChartsPage').then((m) => ({ default: m.ChartsPage })));
const ThemeDetailPage = lazy(() => import('./features/themes/ThemeDetailPage').then((m) => ({ default: m.ThemeDetailPage })));

function Routes() {
  const identity = useIdentity();
  if (identity.isPending) return <Loading what="the app" />;
  if (identity.isError) return <ErrorState error={identity.error} onRetry={() => identity.refetch()} />;
  if (!identity.data) return <FirstRun />;
  return (
    <Layout identity={identity.data}>
      <Suspense fallback={<Loading what="the page" />}>
      <Switch>
        <Route path="/" component={DashboardPage} />
        <Route path="/charts" component={ChartsPage} />
        <Route path="/panels" component={PanelsPage} />
        <Route path="/panels/new" component={NewPanelPage} />
        <Route path="/panels/plan-year" component={PlanYearPage} />
        <Route path="/panels/:id/meeting">{(p) => <MeetingPage key={p.id} panelId={Number(p.id)} />}</Route>
        <Route path="/panels/:id/edit">{(p) => <EditPanelPage id={Number(p.id)} />}</Route>
        <Route path="/panels/:id">{(p) => <PanelDetailPage id={Number(p.id)} />}</Route>
        <Route path="/members" component={MembersPage} />
        <Route path="/members/new" component={NewMemberPage} />
        <Route path="/members/:id/edit">{(p) => <EditMemberPage id={Number(p.id)} />}</Route>
        <Route path="/tor" component={TorListPage} />
        <Route path="/tor/:id">{(p) => <TorVersionPage id={Number(p.id)} />}</Route>
        <Route path="/evidence" component={EvidenceListPage} />
        <Route path="/evidence/new" component={NewEvidencePage} />
        <Route path="/evidence/import" component={ImportPage} />
        <Route path="/evidence/:id/edit">{(p) => <EditEvidencePage id={Number(p.id)} />}</Route>
        <Route path="/evidence/:id">{(p) => <EvidenceDetailPage id={Number(p.id)} />}</Route>
        <Route path="/coroners" component={CoronersPage} />
        <Route path="/themes" component={ThemesPage} />
        <Route path="/themes/new" component={NewThemePage} />
        <Route path="/themes/:id/edit">{(p) => <EditThemePage id={Number(p.id)} />}</Route>
        <Route path="/themes/:id">{(p) => <ThemeDetailPage id={Number(p.id)} />}</Route>
        <Route path="/search" component={SearchPage} />
        <Route path="/retention" component={RetentionReviewPage} />
        <Route path="/recommendations" component={RecommendationsPage} />
        <Route path="/recommendations/actions" component={ActionsPage} />
        <Route path="/recommendations/:id">{(p) => <RecommendationDetailPage id={Number(p.id)} />}</Route>
        <Route path="/documents" component={DocumentsPage} />
        <Route path="/settings" component={SettingsPage} />
        <Route>
          {() => (
            <Page title="Page not found">
              <p>
                There is no page at this address. <Link href="/">Go to the dashboard</Link>.
              </p>
            </Page>
          )}
        </Route>
      </Switch>
      </Suspense>
    </Layout>
  );
}

export function App({ queryClient = makeQueryClient() }: { queryClient?: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <Router hook={useHashLocation}>
          <Routes />
        </Router>
      </ToastProvider>
    </QueryClientProvider>
  );
}
