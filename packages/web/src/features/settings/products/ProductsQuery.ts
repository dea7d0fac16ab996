import { graphql } from '../../../gql';

/** Settings → Products: every product by name, archived ones too (the page hides them unless asked). */
export const ProductsQuery = graphql(`
  query Products {
    products(includeArchived: true) {
      id
      name
      archived
      version
    }
  }
`);
