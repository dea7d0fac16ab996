import { Length } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { textLength } from '../../common/validation-rules';

@ArgsType()
export class CreateProductArgs {
  @Field({ description: 'Unique ignoring case; trimmed, runs of spaces made one.' })
  @Length(1, 200, textLength('name', 1, 200))
  name: string;
}

@InputType({ description: 'Rename and/or archive a product; an omitted field stays as it is.' })
export class UpdateProductInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you edited; a newer one in the database means CONFLICT.' })
  expectedVersion: number;

  @Field({ nullable: true })
  @Length(1, 200, textLength('name', 1, 200))
  name?: string;

  @Field({ nullable: true, description: 'true archives (no new grants), false restores.' })
  archived?: boolean;
}

@ArgsType()
export class ProductsArgs {
  @Field({ defaultValue: false, description: 'Also list archived products.' })
  includeArchived: boolean;
}
