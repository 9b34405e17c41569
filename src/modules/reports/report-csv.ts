import { type CsvCell, toCsv } from './csv-writer';
import type { CollectiveReportDto, EventReportDto, ReportTotalsDto } from './dto/report.dto';

/**
 * The report as a CSV a coordinator opens in a French spreadsheet: one line per figure (long format, so a pivot table
 * or a filter works without knowing the columns in advance), French headers and labels, dates as JJ/MM/AAAA, rates in
 * percent with a decimal comma.
 */
export const REPORT_CSV_HEADER = ['Événement', 'Date', 'Rubrique', 'Indicateur', 'Structure', 'Valeur'] as const;

export const contractLabels: Record<string, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Intérim',
  apprenticeship: 'Apprentissage',
  professionalisation: 'Contrat de professionnalisation',
  iae: 'Contrat d’insertion (IAE)',
  other: 'Autre contrat',
};

const planStatusLabels = { optimal: 'optimal (prouvé)', feasible: 'réalisable (non prouvé optimal)' } as const;

export function frenchDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

const percent = (ratio: number | null): number | null => (ratio === null ? null : Math.round(ratio * 1000) / 10);

type Figures = Omit<EventReportDto, 'event' | 'generatedAt' | 'plan'>;

function figureRows(figures: Figures): Array<[string, string, string, CsvCell]> {
  const { employers: e, candidates: c, interviews: i, outcomes: o } = figures;
  const rows: Array<[string, string, string, CsvCell]> = [
    ['Employeurs', 'Invités', '', e.invited],
    ['Employeurs', 'Inscription confirmée', '', e.confirmed],
    ['Employeurs', 'Ont décliné', '', e.declined],
    ['Employeurs', 'Présents', '', e.present],
    ['Employeurs', 'Absents', '', e.absent],
    ['Employeurs', 'Partis avant la fin', '', e.leftEarly],
    ['Candidat·es', 'Inscrit·es', '', c.registered],
    ['Candidat·es', 'Accepté·es', '', c.accepted],
    ['Candidat·es', 'Présent·es', '', c.present],
    ['Candidat·es', 'Absent·es', '', c.absent],
    ['Candidat·es', 'Venu·es sans inscription', '', c.walkIns],
    ['Candidat·es', 'Avec au moins un entretien', '', c.withInterview],
    ['Candidat·es', 'Couverture (%)', '', percent(c.coverage)],
  ];
  for (const s of figures.bySiae)
    rows.push(
      ['Par structure', 'Inscrit·es', s.siaeName, s.registered],
      ['Par structure', 'Présent·es', s.siaeName, s.present],
      ['Par structure', 'Absent·es', s.siaeName, s.absent],
      ['Par structure', 'Avec au moins un entretien', s.siaeName, s.withInterview],
      ['Par structure', 'Entretiens tenus', s.siaeName, s.interviews],
      ['Par structure', 'Embauches', s.siaeName, s.hires],
    );
  rows.push(
    ['Entretiens', 'Prévus', '', i.planned],
    ['Entretiens', 'Tenus', '', i.held],
    ['Entretiens', 'Annulés', '', i.cancelled],
    ['Entretiens', 'Non venus', '', i.noShow],
    ['Suites', 'Déclarées', '', o.recorded],
    ['Suites', 'Sans suite', '', o.none],
    ['Suites', 'Second entretien', '', o.secondInterview],
    ['Suites', 'Immersion (PMSMP)', '', o.immersion],
    ['Suites', 'Embauches', '', o.hire],
  );
  for (const h of o.hiresByContract)
    rows.push(['Suites', `Embauches en ${contractLabels[h.contractType] ?? h.contractType}`, '', h.count]);
  rows.push(
    ['Suites', 'Délai médian jusqu’à l’embauche (jours)', '', o.daysToHireMedian],
    ['Suites', 'Délai moyen jusqu’à l’embauche (jours)', '', o.daysToHireAverage],
  );
  return rows;
}

function eventRows(report: EventReportDto): CsvCell[][] {
  const head = [report.event.title, frenchDate(report.event.date)];
  const rows: CsvCell[][] = figureRows(report).map((r) => [...head, ...r]);
  if (report.plan) {
    rows.push([...head, 'Planning', 'Statut', '', report.plan.status ? planStatusLabels[report.plan.status] : null]);
    rows.push([...head, 'Planning', 'Écart à l’optimum (borne − valeur)', '', report.plan.gap]);
    rows.push([...head, 'Planning', 'Écart relatif à l’optimum (%)', '', percent(report.plan.relativeGap)]);
  }
  return rows;
}

export function eventReportCsv(report: EventReportDto): string {
  return toCsv(REPORT_CSV_HEADER, eventRows(report));
}

export function collectiveReportCsv(report: CollectiveReportDto): string {
  const totals: ReportTotalsDto = report.totals;
  const label = `Total ${report.collectiveName}`;
  const period = `${frenchDate(report.from)} – ${frenchDate(report.to)}`;
  const rows = [
    ...report.events.flatMap(eventRows),
    [label, period, 'Collectif', 'Événements', '', totals.events],
    ...figureRows(totals).map((r) => [label, period, ...r]),
    [label, period, 'Planning', 'Écart relatif moyen à l’optimum (%)', '', percent(totals.averageRelativeGap)],
  ];
  return toCsv(REPORT_CSV_HEADER, rows);
}
