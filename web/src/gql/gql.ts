/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ItemFields on InventoryItem {\n    id\n    name\n    sku\n    category\n    quantity\n    price\n    lowStockThreshold\n    isLowStock\n    lastUpdated\n  }\n": typeof types.ItemFieldsFragmentDoc,
    "\n  fragment ChangeFields on ItemChange {\n    id\n    itemName\n    username\n    oldQuantity\n    newQuantity\n    delta\n    reason\n    note\n    timestamp\n    item {\n      id\n      quantity\n      isLowStock\n      lastUpdated\n    }\n    reverts {\n      id\n    }\n    revertedBy {\n      id\n    }\n  }\n": typeof types.ChangeFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      username\n      role\n      isSuperuser\n      employer {\n        id\n        username\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query Items($filters: ItemFilter, $ordering: [ItemOrder!], $pagination: OffsetPaginationInput) {\n    items(filters: $filters, ordering: $ordering, pagination: $pagination) {\n      totalCount\n      pageInfo {\n        offset\n        limit\n      }\n      results {\n        ...ItemFields\n      }\n    }\n  }\n": typeof types.ItemsDocument,
    "\n  query Categories {\n    categories {\n      name\n      itemCount\n      totalQuantity\n      totalValue\n    }\n  }\n": typeof types.CategoriesDocument,
    "\n  query Item($id: ID!, $changes: OffsetPaginationInput) {\n    item(id: $id) {\n      ...ItemFields\n      description\n      dateAdded\n      owner {\n        id\n        username\n      }\n      changes(pagination: $changes) {\n        ...ChangeFields\n      }\n    }\n    itemChanges(filters: { item: $id }, pagination: { limit: 0 }) {\n      totalCount\n    }\n  }\n": typeof types.ItemDocument,
    "\n  query QuantityAt($id: ID!, $at: DateTime!) {\n    item(id: $id) {\n      id\n      quantityAt(at: $at)\n    }\n  }\n": typeof types.QuantityAtDocument,
    "\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      ...ItemFields\n      description\n    }\n  }\n": typeof types.CreateItemDocument,
    "\n  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {\n    updateItem(id: $id, input: $input) {\n      ...ItemFields\n      description\n    }\n  }\n": typeof types.UpdateItemDocument,
    "\n  mutation DeleteItem($id: ID!) {\n    deleteItem(id: $id) {\n      deletedId\n    }\n  }\n": typeof types.DeleteItemDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      ...ChangeFields\n    }\n  }\n": typeof types.AdjustStockDocument,
    "\n  mutation RevertChange($id: ID!, $note: String) {\n    revertChange(id: $id, note: $note) {\n      ...ChangeFields\n    }\n  }\n": typeof types.RevertChangeDocument,
    "\n  mutation CountStock($input: CountStockInput!) {\n    countStock(input: $input) {\n      unchanged\n      changes {\n        ...ChangeFields\n      }\n    }\n  }\n": typeof types.CountStockDocument,
    "\n  mutation AdjustStockBatch($input: AdjustStockBatchInput!) {\n    adjustStockBatch(input: $input) {\n      ...ChangeFields\n    }\n  }\n": typeof types.AdjustStockBatchDocument,
    "\n  mutation ImportItems($input: ImportItemsInput!) {\n    importItems(input: $input) {\n      dryRun\n      applied\n      created\n      updated\n      unchanged\n      errorCount\n      errors {\n        line\n        field\n        messages\n      }\n    }\n  }\n": typeof types.ImportItemsDocument,
    "\n  query Movements($from: DateTime!, $to: DateTime!, $groupBy: MovementGroup, $pagination: OffsetPaginationInput) {\n    stockMovements(from: $from, to: $to, groupBy: $groupBy, pagination: $pagination) {\n      totalCount\n      results {\n        group\n        itemName\n        inbound\n        outbound\n        net\n        changes\n      }\n    }\n  }\n": typeof types.MovementsDocument,
    "\n  query Users($pagination: OffsetPaginationInput) {\n    users(filters: { role: WORKER }, ordering: [{ username: ASC }], pagination: $pagination) {\n      totalCount\n      results {\n        id\n        username\n        email\n        isActive\n        dateJoined\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      email\n      isActive\n      dateJoined\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      isActive\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  subscription StockChanges {\n    stockChanges {\n      ...ChangeFields\n    }\n  }\n": typeof types.StockChangesDocument,
    "\n  subscription StockChangesResume($afterId: ID) {\n    stockChanges(afterId: $afterId) {\n      ...ChangeFields\n    }\n  }\n": typeof types.StockChangesResumeDocument,
    "\n  subscription LowStockAlerts {\n    lowStockAlerts {\n      id\n      name\n      quantity\n      lowStockThreshold\n      isLowStock\n    }\n  }\n": typeof types.LowStockAlertsDocument,
};
const documents: Documents = {
    "\n  fragment ItemFields on InventoryItem {\n    id\n    name\n    sku\n    category\n    quantity\n    price\n    lowStockThreshold\n    isLowStock\n    lastUpdated\n  }\n": types.ItemFieldsFragmentDoc,
    "\n  fragment ChangeFields on ItemChange {\n    id\n    itemName\n    username\n    oldQuantity\n    newQuantity\n    delta\n    reason\n    note\n    timestamp\n    item {\n      id\n      quantity\n      isLowStock\n      lastUpdated\n    }\n    reverts {\n      id\n    }\n    revertedBy {\n      id\n    }\n  }\n": types.ChangeFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      username\n      role\n      isSuperuser\n      employer {\n        id\n        username\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query Items($filters: ItemFilter, $ordering: [ItemOrder!], $pagination: OffsetPaginationInput) {\n    items(filters: $filters, ordering: $ordering, pagination: $pagination) {\n      totalCount\n      pageInfo {\n        offset\n        limit\n      }\n      results {\n        ...ItemFields\n      }\n    }\n  }\n": types.ItemsDocument,
    "\n  query Categories {\n    categories {\n      name\n      itemCount\n      totalQuantity\n      totalValue\n    }\n  }\n": types.CategoriesDocument,
    "\n  query Item($id: ID!, $changes: OffsetPaginationInput) {\n    item(id: $id) {\n      ...ItemFields\n      description\n      dateAdded\n      owner {\n        id\n        username\n      }\n      changes(pagination: $changes) {\n        ...ChangeFields\n      }\n    }\n    itemChanges(filters: { item: $id }, pagination: { limit: 0 }) {\n      totalCount\n    }\n  }\n": types.ItemDocument,
    "\n  query QuantityAt($id: ID!, $at: DateTime!) {\n    item(id: $id) {\n      id\n      quantityAt(at: $at)\n    }\n  }\n": types.QuantityAtDocument,
    "\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      ...ItemFields\n      description\n    }\n  }\n": types.CreateItemDocument,
    "\n  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {\n    updateItem(id: $id, input: $input) {\n      ...ItemFields\n      description\n    }\n  }\n": types.UpdateItemDocument,
    "\n  mutation DeleteItem($id: ID!) {\n    deleteItem(id: $id) {\n      deletedId\n    }\n  }\n": types.DeleteItemDocument,
    "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      ...ChangeFields\n    }\n  }\n": types.AdjustStockDocument,
    "\n  mutation RevertChange($id: ID!, $note: String) {\n    revertChange(id: $id, note: $note) {\n      ...ChangeFields\n    }\n  }\n": types.RevertChangeDocument,
    "\n  mutation CountStock($input: CountStockInput!) {\n    countStock(input: $input) {\n      unchanged\n      changes {\n        ...ChangeFields\n      }\n    }\n  }\n": types.CountStockDocument,
    "\n  mutation AdjustStockBatch($input: AdjustStockBatchInput!) {\n    adjustStockBatch(input: $input) {\n      ...ChangeFields\n    }\n  }\n": types.AdjustStockBatchDocument,
    "\n  mutation ImportItems($input: ImportItemsInput!) {\n    importItems(input: $input) {\n      dryRun\n      applied\n      created\n      updated\n      unchanged\n      errorCount\n      errors {\n        line\n        field\n        messages\n      }\n    }\n  }\n": types.ImportItemsDocument,
    "\n  query Movements($from: DateTime!, $to: DateTime!, $groupBy: MovementGroup, $pagination: OffsetPaginationInput) {\n    stockMovements(from: $from, to: $to, groupBy: $groupBy, pagination: $pagination) {\n      totalCount\n      results {\n        group\n        itemName\n        inbound\n        outbound\n        net\n        changes\n      }\n    }\n  }\n": types.MovementsDocument,
    "\n  query Users($pagination: OffsetPaginationInput) {\n    users(filters: { role: WORKER }, ordering: [{ username: ASC }], pagination: $pagination) {\n      totalCount\n      results {\n        id\n        username\n        email\n        isActive\n        dateJoined\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      email\n      isActive\n      dateJoined\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      isActive\n    }\n  }\n": types.UpdateUserDocument,
    "\n  subscription StockChanges {\n    stockChanges {\n      ...ChangeFields\n    }\n  }\n": types.StockChangesDocument,
    "\n  subscription StockChangesResume($afterId: ID) {\n    stockChanges(afterId: $afterId) {\n      ...ChangeFields\n    }\n  }\n": types.StockChangesResumeDocument,
    "\n  subscription LowStockAlerts {\n    lowStockAlerts {\n      id\n      name\n      quantity\n      lowStockThreshold\n      isLowStock\n    }\n  }\n": types.LowStockAlertsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ItemFields on InventoryItem {\n    id\n    name\n    sku\n    category\n    quantity\n    price\n    lowStockThreshold\n    isLowStock\n    lastUpdated\n  }\n"): (typeof documents)["\n  fragment ItemFields on InventoryItem {\n    id\n    name\n    sku\n    category\n    quantity\n    price\n    lowStockThreshold\n    isLowStock\n    lastUpdated\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChangeFields on ItemChange {\n    id\n    itemName\n    username\n    oldQuantity\n    newQuantity\n    delta\n    reason\n    note\n    timestamp\n    item {\n      id\n      quantity\n      isLowStock\n      lastUpdated\n    }\n    reverts {\n      id\n    }\n    revertedBy {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment ChangeFields on ItemChange {\n    id\n    itemName\n    username\n    oldQuantity\n    newQuantity\n    delta\n    reason\n    note\n    timestamp\n    item {\n      id\n      quantity\n      isLowStock\n      lastUpdated\n    }\n    reverts {\n      id\n    }\n    revertedBy {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      username\n      role\n      isSuperuser\n      employer {\n        id\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      username\n      role\n      isSuperuser\n      employer {\n        id\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Items($filters: ItemFilter, $ordering: [ItemOrder!], $pagination: OffsetPaginationInput) {\n    items(filters: $filters, ordering: $ordering, pagination: $pagination) {\n      totalCount\n      pageInfo {\n        offset\n        limit\n      }\n      results {\n        ...ItemFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Items($filters: ItemFilter, $ordering: [ItemOrder!], $pagination: OffsetPaginationInput) {\n    items(filters: $filters, ordering: $ordering, pagination: $pagination) {\n      totalCount\n      pageInfo {\n        offset\n        limit\n      }\n      results {\n        ...ItemFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Categories {\n    categories {\n      name\n      itemCount\n      totalQuantity\n      totalValue\n    }\n  }\n"): (typeof documents)["\n  query Categories {\n    categories {\n      name\n      itemCount\n      totalQuantity\n      totalValue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Item($id: ID!, $changes: OffsetPaginationInput) {\n    item(id: $id) {\n      ...ItemFields\n      description\n      dateAdded\n      owner {\n        id\n        username\n      }\n      changes(pagination: $changes) {\n        ...ChangeFields\n      }\n    }\n    itemChanges(filters: { item: $id }, pagination: { limit: 0 }) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Item($id: ID!, $changes: OffsetPaginationInput) {\n    item(id: $id) {\n      ...ItemFields\n      description\n      dateAdded\n      owner {\n        id\n        username\n      }\n      changes(pagination: $changes) {\n        ...ChangeFields\n      }\n    }\n    itemChanges(filters: { item: $id }, pagination: { limit: 0 }) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuantityAt($id: ID!, $at: DateTime!) {\n    item(id: $id) {\n      id\n      quantityAt(at: $at)\n    }\n  }\n"): (typeof documents)["\n  query QuantityAt($id: ID!, $at: DateTime!) {\n    item(id: $id) {\n      id\n      quantityAt(at: $at)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      ...ItemFields\n      description\n    }\n  }\n"): (typeof documents)["\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      ...ItemFields\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {\n    updateItem(id: $id, input: $input) {\n      ...ItemFields\n      description\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {\n    updateItem(id: $id, input: $input) {\n      ...ItemFields\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteItem($id: ID!) {\n    deleteItem(id: $id) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteItem($id: ID!) {\n    deleteItem(id: $id) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      ...ChangeFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdjustStock($input: AdjustStockInput!) {\n    adjustStock(input: $input) {\n      ...ChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevertChange($id: ID!, $note: String) {\n    revertChange(id: $id, note: $note) {\n      ...ChangeFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevertChange($id: ID!, $note: String) {\n    revertChange(id: $id, note: $note) {\n      ...ChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CountStock($input: CountStockInput!) {\n    countStock(input: $input) {\n      unchanged\n      changes {\n        ...ChangeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CountStock($input: CountStockInput!) {\n    countStock(input: $input) {\n      unchanged\n      changes {\n        ...ChangeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustStockBatch($input: AdjustStockBatchInput!) {\n    adjustStockBatch(input: $input) {\n      ...ChangeFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdjustStockBatch($input: AdjustStockBatchInput!) {\n    adjustStockBatch(input: $input) {\n      ...ChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportItems($input: ImportItemsInput!) {\n    importItems(input: $input) {\n      dryRun\n      applied\n      created\n      updated\n      unchanged\n      errorCount\n      errors {\n        line\n        field\n        messages\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportItems($input: ImportItemsInput!) {\n    importItems(input: $input) {\n      dryRun\n      applied\n      created\n      updated\n      unchanged\n      errorCount\n      errors {\n        line\n        field\n        messages\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Movements($from: DateTime!, $to: DateTime!, $groupBy: MovementGroup, $pagination: OffsetPaginationInput) {\n    stockMovements(from: $from, to: $to, groupBy: $groupBy, pagination: $pagination) {\n      totalCount\n      results {\n        group\n        itemName\n        inbound\n        outbound\n        net\n        changes\n      }\n    }\n  }\n"): (typeof documents)["\n  query Movements($from: DateTime!, $to: DateTime!, $groupBy: MovementGroup, $pagination: OffsetPaginationInput) {\n    stockMovements(from: $from, to: $to, groupBy: $groupBy, pagination: $pagination) {\n      totalCount\n      results {\n        group\n        itemName\n        inbound\n        outbound\n        net\n        changes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($pagination: OffsetPaginationInput) {\n    users(filters: { role: WORKER }, ordering: [{ username: ASC }], pagination: $pagination) {\n      totalCount\n      results {\n        id\n        username\n        email\n        isActive\n        dateJoined\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($pagination: OffsetPaginationInput) {\n    users(filters: { role: WORKER }, ordering: [{ username: ASC }], pagination: $pagination) {\n      totalCount\n      results {\n        id\n        username\n        email\n        isActive\n        dateJoined\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      email\n      isActive\n      dateJoined\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n      email\n      isActive\n      dateJoined\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      isActive\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      id\n      isActive\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StockChanges {\n    stockChanges {\n      ...ChangeFields\n    }\n  }\n"): (typeof documents)["\n  subscription StockChanges {\n    stockChanges {\n      ...ChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StockChangesResume($afterId: ID) {\n    stockChanges(afterId: $afterId) {\n      ...ChangeFields\n    }\n  }\n"): (typeof documents)["\n  subscription StockChangesResume($afterId: ID) {\n    stockChanges(afterId: $afterId) {\n      ...ChangeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LowStockAlerts {\n    lowStockAlerts {\n      id\n      name\n      quantity\n      lowStockThreshold\n      isLowStock\n    }\n  }\n"): (typeof documents)["\n  subscription LowStockAlerts {\n    lowStockAlerts {\n      id\n      name\n      quantity\n      lowStockThreshold\n      isLowStock\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;