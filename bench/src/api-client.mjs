// GraphQL calls to our API (and the peer) from the benchmarks, over one kept-alive agent.
import http from 'node:http';
import { post } from './measure.mjs';

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/**
 * POSTs `query` (with `variables`) to `url`; resolves with `{ data, headers }`.
 * Throws on a status other than 200 or any GraphQL error, quoting the answer.
 */
export async function graphql(url, query, headers = {}, variables = undefined) {
  const res = await post(agent, url, { 'content-type': 'application/json', ...headers }, JSON.stringify({ query, variables }));
  const body = JSON.parse(res.text);
  if (res.status !== 200 || body.errors) throw new Error(`GraphQL failed at ${url} (${res.status}): ${res.text.slice(0, 500)}\n${query}`);
  return { data: body.data, headers: res.headers };
}

/** A GraphQL caller with an API token: `(query, variables) => data`. */
export const withToken = (url, token) => async (query, variables) => (await graphql(url, query, { authorization: `Bearer ${token}` }, variables)).data;

/**
 * The admin signs in and creates API tokens through the API itself (as a
 * partner tool would get one): an ADMIN token, and an AGENT token in no team.
 */
export async function createTokens(url, email, password) {
  const esc = JSON.stringify;
  const signIn = await graphql(url, `mutation { signIn(email: ${esc(email)}, password: ${esc(password)}) { id } }`);
  const cookie = [signIn.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]).join('; ');
  const create = async (name, role) =>
    (await graphql(url, `mutation { createApiToken(input: { name: "${name}", role: ${role}, teamIds: [] }) { token } }`, { cookie })).data.createApiToken.token;
  return { admin: await create('bench', 'ADMIN'), agent: await create('bench-agent', 'AGENT') };
}

/** Closes the kept-alive sockets (at the end of a run). */
export const closeClient = () => agent.destroy();
