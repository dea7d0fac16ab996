import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { PERMISSIONS } from '@cp/shared';
import { Product } from './product.entity';
import { CreateProductArgs, ProductsArgs, UpdateProductInput } from './product.inputs';
import { Requires } from '../../auth/requires.decorator';
import type { Context } from '../../graphql/context';

@Resolver(() => Product)
export class ProductResolver {
  @Requires()
  @Query(() => [Product], { description: 'Products by name; archived ones only with includeArchived.' })
  products(@Args() { includeArchived }: ProductsArgs, @Ctx() { services }: Context): Promise<Product[]> {
    return services.products.list(includeArchived);
  }

  @Requires(PERMISSIONS.MANAGE_PRODUCTS)
  @Mutation(() => Product)
  createProduct(@Args() { name }: CreateProductArgs, @Ctx() { services }: Context): Promise<Product> {
    return services.products.create(name);
  }

  @Requires(PERMISSIONS.MANAGE_PRODUCTS)
  @Mutation(() => Product, { description: 'Rename, archive or restore.' })
  updateProduct(@Arg('input') input: UpdateProductInput, @Ctx() { services }: Context): Promise<Product> {
    return services.products.update(input);
  }
}
