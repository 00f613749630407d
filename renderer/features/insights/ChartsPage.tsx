import { Link } from 'wouter';
import { Page } from '../../ui/Page';
import { EvidenceChart } from './EvidenceChart';
import { RecommendationCharts } from './RecommendationCharts';
import { CoronerChart, IprChart } from './TimelinessCharts';

/** Charts where people look rather than read; each with its summary in words and its figures as a table. */
export function ChartsPage() {
  return (
    <Page title="Charts" back={<Link href="/">Back to the dashboard</Link>}>
      <p className="lead">How the evidence, the recommendations and the responses are moving. Each chart says what it shows in words, and its figures are in a table below it.</p>
      <div className="charts">
        <EvidenceChart />
        <RecommendationCharts />
        <CoronerChart />
        <IprChart />
      </div>
    </Page>
  );
}
