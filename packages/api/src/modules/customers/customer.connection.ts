import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/connection';
import { Customer } from './customer.entity';

@ObjectType()
export class CustomerConnection extends Connection(Customer, 'Customer') {}
