// Detail fields for the benchmark: 30 customer fields created through our API
// (as a help desk's admin would), their values then written in SQL
// (seed-sql.mjs). Five TEXT fields are visible only to one team, so an AGENT
// token without it must never find their values.
import { performance } from 'node:perf_hooks';
import { SEARCH_TERMS } from './db.mjs';

/**
 * Words the values are made of. None contains the search terms below or the
 * search scenarios' terms ("zephyrine", "son"), so both servers return the
 * same rows there, though ours also searches the detail values.
 */
export const WORDS = ['renewal', 'onboarding', 'invoice', 'escalated', 'callback', 'training', 'migration', 'contract',
  'pilot', 'upgrade', 'billing', 'feedback', 'webinar', 'outage', 'integration', 'rollout', 'review', 'quarterly',
  'champion', 'budget', 'workshop', 'trial', 'handover', 'priority', 'audit', 'survey', 'license', 'support',
  'kickoff', 'sandbox', 'roadmap', 'pricing'];

/** Marker words: rare (about 1 in 20,000 customers), common (1 in 10), and one in a hidden field (1 in 25,000). */
export const DETAIL_TERMS = { rare: 'quixotrix', common: 'premium', hidden: 'vorpalith' };

const text = (label, extra = {}) => ({ label, type: 'TEXT', ...extra });
const select = (label, options) => ({ label, type: 'SELECT', options });
const multi = (label, options) => ({ label, type: 'MULTI_SELECT', options });
const typed = (type) => (label) => ({ label, type });

/**
 * 12 TEXT (5 team-only), 5 SELECT, 3 MULTI_SELECT, 4 NUMBER, 3 DATE, 2 EMAIL, 1 URL.
 * `marker`: [word, every] puts the word into the value of about one customer in
 * `every`, chosen by a hash (so unrelated to names and their sort order; db.mjs).
 */
export const FIELD_SPECS = [
  text('Account notes', { marker: [DETAIL_TERMS.rare, 20_000] }),
  text('Success plan', { marker: [DETAIL_TERMS.common, 10] }),
  ...['Onboarding status', 'Preferred contact time', 'Internal reference', 'Support notes', 'Integration notes'].map((l) => text(l)),
  text('Security notes', { hidden: true, marker: [DETAIL_TERMS.hidden, 25_000] }),
  ...['Legal hold', 'Fraud review', 'Credit notes', 'Escalation history'].map((l) => text(l, { hidden: true })),
  select('Plan', ['Free', 'Starter', 'Team', 'Business', 'Enterprise']),
  select('Region', ['EMEA', 'APAC', 'North America', 'LATAM', 'ANZ']),
  select('Industry', ['Retail', 'Finance', 'Health', 'Education', 'Manufacturing']),
  select('Language', ['English', 'German', 'French', 'Spanish', 'Japanese']),
  select('Channel', ['Email', 'Phone', 'Chat', 'Portal', 'Partner']),
  multi('Products', ['Analytics', 'Messaging', 'Voice', 'Automation', 'Reporting']),
  multi('Interests', ['Webinars', 'Newsletters', 'Beta features', 'Events', 'Case studies']),
  multi('Integrations', ['Slack', 'Salesforce', 'Jira', 'Zendesk', 'HubSpot']),
  ...['Seats', 'Annual revenue', 'Open tickets', 'Health score'].map(typed('NUMBER')),
  ...['Contract start', 'Renewal date', 'Last review'].map(typed('DATE')),
  ...['Billing email', 'Technical contact'].map(typed('EMAIL')),
  typed('URL')('Portal URL'),
];

const searchTerms = [...Object.values(DETAIL_TERMS), ...Object.values(SEARCH_TERMS)];
const generated = [...WORDS, ...FIELD_SPECS.flatMap((f) => f.options ?? [])];
const clash = generated.find((w) => searchTerms.some((t) => w.toLowerCase().includes(t)));
if (clash) throw new Error(`detail value word '${clash}' contains a search term`);

const FIELD_SELECTION = 'id key label type options';

/**
 * Creates the restricted team and the 30 fields through `gql` (the admin's
 * token), timing each createDetailField (it builds the field's sort index
 * concurrently). Returns the fields (with spec) and the timings in ms.
 */
export async function createDetailFields(gql) {
  const { createTeam } = await gql('mutation { createTeam(name: "Bench restricted") { id } }');
  const restricted = { agents: false, teamIds: [createTeam.id] };
  const fields = [];
  const ms = [];
  for (const spec of FIELD_SPECS) {
    const audience = spec.hidden ? `view: ${gqlInput(restricted)}, edit: ${gqlInput(restricted)}` : '';
    const options = spec.options ? `options: ${JSON.stringify(spec.options)},` : '';
    const started = performance.now();
    const { createDetailField } = await gql(`mutation { createDetailField(input: {
      scope: CUSTOMER, label: ${JSON.stringify(spec.label)}, type: ${spec.type}, ${options} ${audience} }) { ${FIELD_SELECTION} } }`);
    ms.push(performance.now() - started);
    fields.push({ ...createDetailField, spec });
  }
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (v) => Math.round(v);
  return {
    fields,
    timing: { calls: ms.length, totalMs: round(ms.reduce((a, b) => a + b, 0)), medianMs: round(sorted[sorted.length >> 1]), maxMs: round(sorted.at(-1)), minMs: round(sorted[0]) },
  };
}

/** A seeded database's fields, matched to their specs by label. */
export async function existingDetailFields(gql) {
  const { detailFields } = await gql(`{ detailFields(scope: CUSTOMER) { ${FIELD_SELECTION} } }`);
  return FIELD_SPECS.map((spec) => {
    const field = detailFields.find((f) => f.label === spec.label);
    if (!field) throw new Error(`kept database lacks the detail field '${spec.label}'`);
    return { ...field, spec };
  });
}

const gqlInput = ({ agents, teamIds }) => `{ agents: ${agents}, teamIds: ${JSON.stringify(teamIds)} }`;

export const fieldByLabel = (fields, label) => fields.find((f) => f.spec.label === label);
