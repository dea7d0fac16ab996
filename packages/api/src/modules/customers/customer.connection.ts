import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { Customer } from './customer.entity';

@ObjectType({ simpleResolvers: true })
export class CustomerConnection extends Connection(Customer, 'Customer') {}
