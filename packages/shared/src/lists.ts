/** The longest search text (`query`) the customers and organizations lists take, in characters. */
export const MAX_SEARCH_LENGTH = 200;
