export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  headers: Headers;
}

/** A tiny HTTP client that behaves like a browser (cookies) or a partner tool (bearer token). */
export class GraphQLTestClient {
  private cookie: string | undefined;
  bearer: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const res = await fetch(`${this.baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const expired = /expires=Thu, 01 Jan 1970/i.test(setCookie);
      this.cookie = expired ? undefined : pair;
    }
    const body = (await res.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
    return { status: res.status, data: body.data, errors: body.errors, headers: res.headers };
  }

  /** Returns data, failing the test with the server's errors if there were any. */
  async ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  /** The first error's code (extensions.code), for refusal tests. */
  async errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    const res = await this.request(query, variables);
    return res.errors?.[0]?.extensions?.code;
  }

  async signIn(email: string, password: string): Promise<GraphQLResponse> {
    return this.request(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`, { e: email, p: password });
  }

  get sessionCookie(): string | undefined {
    return this.cookie;
  }

  set sessionCookie(value: string | undefined) {
    this.cookie = value;
  }
}
