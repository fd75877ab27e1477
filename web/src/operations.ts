// Every GraphQL operation of the app, typed by GraphQL Code Generator (src/gql).
import { graphql } from "./gql";

export const ItemFields = graphql(`
  fragment ItemFields on InventoryItem {
    id
    name
    sku
    category
    quantity
    price
    lowStockThreshold
    isLowStock
    lastUpdated
  }
`);

export const ChangeFields = graphql(`
  fragment ChangeFields on ItemChange {
    id
    itemName
    username
    oldQuantity
    newQuantity
    delta
    reason
    note
    timestamp
    item {
      id
      quantity
      isLowStock
      lastUpdated
    }
    reverts {
      id
    }
    revertedBy {
      id
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      id
      username
      role
      isSuperuser
      employer {
        id
        username
      }
    }
  }
`);

export const ItemsQuery = graphql(`
  query Items($filters: ItemFilter, $ordering: [ItemOrder!], $pagination: OffsetPaginationInput) {
    items(filters: $filters, ordering: $ordering, pagination: $pagination) {
      totalCount
      pageInfo {
        offset
        limit
      }
      results {
        ...ItemFields
      }
    }
  }
`);

export const CategoriesQuery = graphql(`
  query Categories {
    categories {
      name
      itemCount
      totalQuantity
      totalValue
    }
  }
`);

export const ItemQuery = graphql(`
  query Item($id: ID!, $changes: OffsetPaginationInput) {
    item(id: $id) {
      ...ItemFields
      description
      dateAdded
      owner {
        id
        username
      }
      changes(pagination: $changes) {
        ...ChangeFields
      }
    }
    itemChanges(filters: { item: $id }, pagination: { limit: 0 }) {
      totalCount
    }
  }
`);

export const QuantityAtQuery = graphql(`
  query QuantityAt($id: ID!, $at: DateTime!) {
    item(id: $id) {
      id
      quantityAt(at: $at)
    }
  }
`);

export const CreateItemMutation = graphql(`
  mutation CreateItem($input: CreateItemInput!) {
    createItem(input: $input) {
      ...ItemFields
      description
    }
  }
`);

export const UpdateItemMutation = graphql(`
  mutation UpdateItem($id: ID!, $input: UpdateItemInput!) {
    updateItem(id: $id, input: $input) {
      ...ItemFields
      description
    }
  }
`);

export const DeleteItemMutation = graphql(`
  mutation DeleteItem($id: ID!) {
    deleteItem(id: $id) {
      deletedId
    }
  }
`);

export const AdjustStockMutation = graphql(`
  mutation AdjustStock($input: AdjustStockInput!) {
    adjustStock(input: $input) {
      ...ChangeFields
    }
  }
`);

export const RevertChangeMutation = graphql(`
  mutation RevertChange($id: ID!, $note: String) {
    revertChange(id: $id, note: $note) {
      ...ChangeFields
    }
  }
`);

export const CountStockMutation = graphql(`
  mutation CountStock($input: CountStockInput!) {
    countStock(input: $input) {
      unchanged
      changes {
        ...ChangeFields
      }
    }
  }
`);

export const AdjustStockBatchMutation = graphql(`
  mutation AdjustStockBatch($input: AdjustStockBatchInput!) {
    adjustStockBatch(input: $input) {
      ...ChangeFields
    }
  }
`);

export const ImportItemsMutation = graphql(`
  mutation ImportItems($input: ImportItemsInput!) {
    importItems(input: $input) {
      dryRun
      applied
      created
      updated
      unchanged
      errorCount
      errors {
        line
        field
        messages
      }
    }
  }
`);

export const MovementsQuery = graphql(`
  query Movements($from: DateTime!, $to: DateTime!, $groupBy: MovementGroup, $pagination: OffsetPaginationInput) {
    stockMovements(from: $from, to: $to, groupBy: $groupBy, pagination: $pagination) {
      totalCount
      results {
        group
        itemName
        inbound
        outbound
        net
        changes
      }
    }
  }
`);

export const UsersQuery = graphql(`
  query Users($pagination: OffsetPaginationInput) {
    users(filters: { role: WORKER }, ordering: [{ username: ASC }], pagination: $pagination) {
      totalCount
      results {
        id
        username
        email
        isActive
        dateJoined
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
      email
      isActive
      dateJoined
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      isActive
    }
  }
`);

export const StockChangesSubscription = graphql(`
  subscription StockChanges {
    stockChanges {
      ...ChangeFields
    }
  }
`);

/** After a reconnect: the changes since the last one seen, then live (api/live.ts). */
export const StockChangesResumeSubscription = graphql(`
  subscription StockChangesResume($afterId: ID) {
    stockChanges(afterId: $afterId) {
      ...ChangeFields
    }
  }
`);

export const LowStockSubscription = graphql(`
  subscription LowStockAlerts {
    lowStockAlerts {
      id
      name
      quantity
      lowStockThreshold
      isLowStock
    }
  }
`);
