/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A whole number that may exceed 32 bits; a JSON number. */
  BigInt: { input: number; output: number; }
  /** Date with time (isoformat) */
  DateTime: { input: string; output: string; }
  /** A decimal number, sent as a string ("12.50") or a JSON number. */
  Decimal: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** Represents a file upload. */
  Upload: { input: File; output: File; }
};

/** One line of a batch adjustment. */
export type AdjustLineInput = {
  /** Added to the quantity; not 0. */
  delta: Scalars['Int']['input'];
  /** Apply only if the item's quantity is still this. */
  expectedQuantity?: InputMaybe<Scalars['Int']['input']>;
  /** The item to adjust. */
  itemId: Scalars['ID']['input'];
};

/** Several deltas with one reason (a delivery, a sales order). */
export type AdjustStockBatchInput = {
  /** At most 64 characters, per user: a retry with the same arguments returns the first result. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 lines, an item at most once; every line applies or none does. */
  lines: Array<AdjustLineInput>;
  /** Logged with every line. */
  note?: Scalars['String']['input'];
  /** Logged with every line. */
  reason: StockChangeReason;
};

/** A change of one item's quantity by delta. */
export type AdjustStockInput = {
  /** Added to the quantity; negative takes stock out. Not 0. */
  delta: Scalars['Int']['input'];
  /** Apply only if the quantity is still this (CONFLICT otherwise). */
  expectedQuantity?: InputMaybe<Scalars['Int']['input']>;
  /** At most 64 characters, per user: a retry returns the first change. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The item to change. */
  itemId: Scalars['ID']['input'];
  /** Free text kept in the change log, up to 1,000 characters. */
  note?: Scalars['String']['input'];
  /** Why it changes; not INITIAL or DELETED (those the server writes). */
  reason: StockChangeReason;
};

/** Totals of one category over the items in scope. */
export type CategorySummary = {
  __typename?: 'CategorySummary';
  /** Items in it. */
  itemCount: Scalars['Int']['output'];
  /** The category, as stored (trimmed). */
  name: Scalars['String']['output'];
  /** Sum of their quantities. */
  totalQuantity: Scalars['BigInt']['output'];
  /** Sum of quantity × price. */
  totalValue: Scalars['Decimal']['output'];
};

/** One counted item of a stocktake. */
export type CountLineInput = {
  /** Apply only if the stored quantity is still this. */
  expectedQuantity?: InputMaybe<Scalars['Int']['input']>;
  /** The item counted. */
  itemId: Scalars['ID']['input'];
  /** The quantity counted on the shelf. */
  quantity: Scalars['Int']['input'];
};

/** What a stocktake changed. */
export type CountResult = {
  __typename?: 'CountResult';
  /** One COUNT_CORRECTION per counted quantity that differed, in line order. */
  changes: Array<ItemChange>;
  /** Lines whose count matched the stored quantity. */
  unchanged: Scalars['Int']['output'];
};

/** A stocktake: counted quantities. */
export type CountStockInput = {
  /** 1 to 1,000 lines, an item at most once; all lines apply or none. */
  counts: Array<CountLineInput>;
  /** At most 64 characters, per user: a retry with the same arguments returns the first result. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Logged with every correction. */
  note?: Scalars['String']['input'];
};

/** A new item. */
export type CreateItemInput = {
  /** 1–100 characters after trimming. */
  category: Scalars['String']['input'];
  /** Up to 5,000 characters. */
  description?: Scalars['String']['input'];
  /** Reorder level: the item is low on stock below it. 0 … 2,147,483,647. */
  lowStockThreshold?: Scalars['Int']['input'];
  /** 1–200 characters after trimming. */
  name: Scalars['String']['input'];
  /** Superuser only; default: the caller. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
  /** From 0 to 9,999,999,999.99 with at most 2 decimal places, e.g. "12.50". */
  price: Scalars['Decimal']['input'];
  /** The starting quantity, 0 … 2,147,483,647; logged as INITIAL. */
  quantity?: Scalars['Int']['input'];
  /** Optional stock-keeping code, up to 64 characters, unique per owner ignoring case. */
  sku?: InputMaybe<Scalars['String']['input']>;
};

/** A new account, made by an owner (a WORKER) or a superuser. */
export type CreateUserInput = {
  /** A valid address, unique ignoring case; trimmed. */
  email: Scalars['String']['input'];
  /** Superuser only; required when a superuser creates a WORKER. */
  employerId?: InputMaybe<Scalars['ID']['input']>;
  /** Must pass the server's password validators; not trimmed. */
  password: Scalars['String']['input'];
  /** Superuser only (an owner creates WORKER accounts). */
  role?: Role;
  /** Unique ignoring case; trimmed. */
  username: Scalars['String']['input'];
};

/** Comparisons; each given one must hold, null ones are skipped. */
export type DatetimeComparisonFilterLookup = {
  /** Exact match. Filter will be skipped on `null` value */
  exact?: InputMaybe<Scalars['DateTime']['input']>;
  /** Greater than. Filter will be skipped on `null` value */
  gt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Greater than or equal to. Filter will be skipped on `null` value */
  gte?: InputMaybe<Scalars['DateTime']['input']>;
  /** Exact match of items in a given list. Filter will be skipped on `null` value */
  inList?: InputMaybe<Array<Scalars['DateTime']['input']>>;
  /** Assignment test. Filter will be skipped on `null` value */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than. Filter will be skipped on `null` value */
  lt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Less than or equal to. Filter will be skipped on `null` value */
  lte?: InputMaybe<Scalars['DateTime']['input']>;
  /** Inclusive range test (between) */
  range?: InputMaybe<DatetimeRangeLookup>;
};

/** An inclusive range: start ≤ value ≤ end. */
export type DatetimeRangeLookup = {
  /** The highest value matched. */
  end?: InputMaybe<Scalars['DateTime']['input']>;
  /** The lowest value matched. */
  start?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Comparisons; each given one must hold, null ones are skipped. */
export type DecimalComparisonFilterLookup = {
  /** Exact match. Filter will be skipped on `null` value */
  exact?: InputMaybe<Scalars['Decimal']['input']>;
  /** Greater than. Filter will be skipped on `null` value */
  gt?: InputMaybe<Scalars['Decimal']['input']>;
  /** Greater than or equal to. Filter will be skipped on `null` value */
  gte?: InputMaybe<Scalars['Decimal']['input']>;
  /** Exact match of items in a given list. Filter will be skipped on `null` value */
  inList?: InputMaybe<Array<Scalars['Decimal']['input']>>;
  /** Assignment test. Filter will be skipped on `null` value */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than. Filter will be skipped on `null` value */
  lt?: InputMaybe<Scalars['Decimal']['input']>;
  /** Less than or equal to. Filter will be skipped on `null` value */
  lte?: InputMaybe<Scalars['Decimal']['input']>;
  /** Inclusive range test (between) */
  range?: InputMaybe<DecimalRangeLookup>;
};

/** An inclusive range: start ≤ value ≤ end. */
export type DecimalRangeLookup = {
  /** The highest value matched. */
  end?: InputMaybe<Scalars['Decimal']['input']>;
  /** The lowest value matched. */
  start?: InputMaybe<Scalars['Decimal']['input']>;
};

/** What a delete mutation removed. */
export type DeletePayload = {
  __typename?: 'DeletePayload';
  /** The id of the deleted object. */
  deletedId: Scalars['ID']['output'];
};

/** A CSV file of items to create or update. */
export type ImportItemsInput = {
  /** Validate and count only; nothing is written. */
  dryRun?: Scalars['Boolean']['input'];
  /** The CSV file, sent as a GraphQL multipart request (see the README). */
  file: Scalars['Upload']['input'];
  /** Superuser only; default: the caller. */
  ownerId?: InputMaybe<Scalars['ID']['input']>;
};

/** The outcome of an import. */
export type ImportResult = {
  __typename?: 'ImportResult';
  /** Whether the rows were written (all of them). */
  applied: Scalars['Boolean']['output'];
  /** Rows that create an item. */
  created: Scalars['Int']['output'];
  /** Whether this was a dry run. */
  dryRun: Scalars['Boolean']['output'];
  /** All problems found. */
  errorCount: Scalars['Int']['output'];
  /** The first 100 problems. */
  errors: Array<ImportRowError>;
  /** Rows that match an item exactly. */
  unchanged: Scalars['Int']['output'];
  /** Rows that change an existing item. */
  updated: Scalars['Int']['output'];
};

/** One problem of an import, by line. */
export type ImportRowError = {
  __typename?: 'ImportRowError';
  /** The column, if the problem is one cell's. */
  field?: Maybe<Scalars['String']['output']>;
  /** The file's line where the row starts; 1 = header. */
  line: Scalars['Int']['output'];
  /** What is wrong. */
  messages: Array<Scalars['String']['output']>;
};

/** Comparisons; each given one must hold, null ones are skipped. */
export type IntComparisonFilterLookup = {
  /** Exact match. Filter will be skipped on `null` value */
  exact?: InputMaybe<Scalars['Int']['input']>;
  /** Greater than. Filter will be skipped on `null` value */
  gt?: InputMaybe<Scalars['Int']['input']>;
  /** Greater than or equal to. Filter will be skipped on `null` value */
  gte?: InputMaybe<Scalars['Int']['input']>;
  /** Exact match of items in a given list. Filter will be skipped on `null` value */
  inList?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Assignment test. Filter will be skipped on `null` value */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Less than. Filter will be skipped on `null` value */
  lt?: InputMaybe<Scalars['Int']['input']>;
  /** Less than or equal to. Filter will be skipped on `null` value */
  lte?: InputMaybe<Scalars['Int']['input']>;
  /** Inclusive range test (between) */
  range?: InputMaybe<IntRangeLookup>;
};

/** An inclusive range: start ≤ value ≤ end. */
export type IntRangeLookup = {
  /** The highest value matched. */
  end?: InputMaybe<Scalars['Int']['input']>;
  /** The lowest value matched. */
  start?: InputMaybe<Scalars['Int']['input']>;
};

/** A stock-keeping unit of one owner. */
export type InventoryItem = {
  __typename?: 'InventoryItem';
  /** 1–100 characters; categories group by this text. */
  category: Scalars['String']['output'];
  /** This item's change log, newest first (default 20, at most 100). */
  changes: Array<ItemChange>;
  /** When it was created. */
  dateAdded: Scalars['DateTime']['output'];
  /** Up to 5,000 characters; may be empty. */
  description: Scalars['String']['output'];
  /** The item's id. */
  id: Scalars['ID']['output'];
  /** quantity < lowStockThreshold */
  isLowStock: Scalars['Boolean']['output'];
  /** When any of its fields last changed. */
  lastUpdated: Scalars['DateTime']['output'];
  /** Reorder level; default 5. */
  lowStockThreshold: Scalars['Int']['output'];
  /** 1–200 characters. */
  name: Scalars['String']['output'];
  /** The OWNER (or superuser) it belongs to. */
  owner: User;
  /** A decimal with 2 places, as a string ("12.50"). */
  price: Scalars['Decimal']['output'];
  /** In stock now: 0 … 2,147,483,647. */
  quantity: Scalars['Int']['output'];
  /** The quantity at that moment, read from the change log: the newQuantity of the last change at or before it; 0 before the item existed. */
  quantityAt: Scalars['Int']['output'];
  /** Optional stock-keeping code; unique per owner, ignoring case. */
  sku?: Maybe<Scalars['String']['output']>;
};


/** A stock-keeping unit of one owner. */
export type InventoryItemChangesArgs = {
  pagination?: InputMaybe<OffsetPaginationInput>;
};


/** A stock-keeping unit of one owner. */
export type InventoryItemQuantityAtArgs = {
  at: Scalars['DateTime']['input'];
};

/** One change of an item's quantity. The log is append-only. */
export type ItemChange = {
  __typename?: 'ItemChange';
  /** newQuantity - oldQuantity. */
  delta: Scalars['Int']['output'];
  /** The change's id; ids grow along each item's chain. */
  id: Scalars['ID']['output'];
  /** The item; null once it is deleted. */
  item?: Maybe<InventoryItem>;
  /** The item's name when it changed. */
  itemName: Scalars['String']['output'];
  /** The quantity after. */
  newQuantity: Scalars['Int']['output'];
  /** Free text given with the change. */
  note: Scalars['String']['output'];
  /** The quantity before; the previous change's newQuantity. */
  oldQuantity: Scalars['Int']['output'];
  /** Why the quantity changed. */
  reason: StockChangeReason;
  /** The REVERSAL that undid this change, if any. */
  revertedBy?: Maybe<ItemChange>;
  /** For a REVERSAL: the change it undoes. */
  reverts?: Maybe<ItemChange>;
  /** When it was committed, taken under the item's row lock. */
  timestamp: Scalars['DateTime']['output'];
  /** Who made the change; null once deleted. */
  user?: Maybe<User>;
  /** Who made the change; kept after the user is deleted. */
  username: Scalars['String']['output'];
};

/** Narrows the log entries in scope. */
export type ItemChangeFilter = {
  /** Also matches this filter. */
  AND?: InputMaybe<ItemChangeFilter>;
  /** Drop duplicate rows. */
  DISTINCT?: InputMaybe<Scalars['Boolean']['input']>;
  /** Does not match this filter. */
  NOT?: InputMaybe<ItemChangeFilter>;
  /** Or matches this filter. */
  OR?: InputMaybe<ItemChangeFilter>;
  /** Entries of this item. */
  item?: InputMaybe<Scalars['ID']['input']>;
  /** Entries with this reason. */
  reason?: InputMaybe<StockChangeReason>;
  /** When the change was committed. */
  timestamp?: InputMaybe<DatetimeComparisonFilterLookup>;
  /** Entries made by this user. */
  user?: InputMaybe<Scalars['ID']['input']>;
};

/** One sort key of log entries. */
export type ItemChangeOrder =
  /** By commit time. */
  { timestamp: Ordering; };

/** A page of ItemChange rows. */
export type ItemChangePage = {
  __typename?: 'ItemChangePage';
  /** The offset and the limit applied. */
  pageInfo: OffsetPaginationInfo;
  /** List of paginated results. */
  results: Array<ItemChange>;
  /** Total count of existing results. */
  totalCount: Scalars['Int']['output'];
};

/** Narrows the items in scope. */
export type ItemFilter = {
  /** Also matches this filter. */
  AND?: InputMaybe<ItemFilter>;
  /** Drop duplicate rows. */
  DISTINCT?: InputMaybe<Scalars['Boolean']['input']>;
  /** Does not match this filter. */
  NOT?: InputMaybe<ItemFilter>;
  /** Or matches this filter. */
  OR?: InputMaybe<ItemFilter>;
  /** The category, e.g. {iExact: "electronics"}. */
  category?: InputMaybe<StrFilterLookup>;
  /** When the item was created. */
  dateAdded?: InputMaybe<DatetimeComparisonFilterLookup>;
  /** true: quantity below the item's threshold. */
  lowStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** Items of this owner. Superuser only. */
  owner?: InputMaybe<Scalars['ID']['input']>;
  /** The price, e.g. {lte: "100"}. */
  price?: InputMaybe<DecimalComparisonFilterLookup>;
  /** The quantity, e.g. {gt: 0}. */
  quantity?: InputMaybe<IntComparisonFilterLookup>;
  /** Case-insensitive match on name, description, category or SKU. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of items (give one field per list element; id breaks ties). */
export type ItemOrder =
  /** By category. */
  { category: Ordering; dateAdded?: never; lastUpdated?: never; name?: never; price?: never; quantity?: never; }
  |  /** By creation time. */
  { category?: never; dateAdded: Ordering; lastUpdated?: never; name?: never; price?: never; quantity?: never; }
  |  /** By the last edit. */
  { category?: never; dateAdded?: never; lastUpdated: Ordering; name?: never; price?: never; quantity?: never; }
  |  /** By name. */
  { category?: never; dateAdded?: never; lastUpdated?: never; name: Ordering; price?: never; quantity?: never; }
  |  /** By price. */
  { category?: never; dateAdded?: never; lastUpdated?: never; name?: never; price: Ordering; quantity?: never; }
  |  /** By quantity. */
  { category?: never; dateAdded?: never; lastUpdated?: never; name?: never; price?: never; quantity: Ordering; };

/** A page of InventoryItem rows. */
export type ItemPage = {
  __typename?: 'ItemPage';
  /** The offset and the limit applied. */
  pageInfo: OffsetPaginationInfo;
  /** List of paginated results. */
  results: Array<InventoryItem>;
  /** Total count of existing results. */
  totalCount: Scalars['Int']['output'];
};

/** Sums of the log over the period for one group. */
export type Movement = {
  __typename?: 'Movement';
  /** The net per reason present. */
  byReason: Array<ReasonTotal>;
  /** Number of changes. */
  changes: Scalars['Int']['output'];
  /** The item id, category, reason or ISO date (UTC), by groupBy. Changes of deleted items have an empty category. */
  group: Scalars['String']['output'];
  /** Sum of the positive deltas. */
  inbound: Scalars['BigInt']['output'];
  /** groupBy ITEM: the item; null once deleted. */
  item?: Maybe<InventoryItem>;
  /** groupBy ITEM: the item's name at its last change in the period. */
  itemName?: Maybe<Scalars['String']['output']>;
  /** Sum of all deltas. */
  net: Scalars['BigInt']['output'];
  /** Sum of the negative deltas, as a positive number. */
  outbound: Scalars['BigInt']['output'];
};

/** Narrows the log entries stockMovements sums. */
export type MovementFilter = {
  /** Entries of items in this category (ignoring case). */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Entries of this item (also once it is deleted). */
  itemId?: InputMaybe<Scalars['ID']['input']>;
  /** Entries with this reason. */
  reason?: InputMaybe<StockChangeReason>;
};

/** How stockMovements groups the log. */
export type MovementGroup =
  /** One row per category. */
  | 'CATEGORY'
  /** One row per day (UTC). */
  | 'DAY'
  /** One row per item. */
  | 'ITEM'
  /** One row per reason. */
  | 'REASON';

/** One page of movements. */
export type MovementPage = {
  __typename?: 'MovementPage';
  /** The offset and the limit applied. */
  pageInfo: OffsetPaginationInfo;
  /** The rows of this page. */
  results: Array<Movement>;
  /** Number of groups in the period. */
  totalCount: Scalars['Int']['output'];
};

/** Writes. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Add delta to an item's quantity atomically and log it. CONFLICT when the result would leave 0 … 2,147,483,647 or expectedQuantity differs; nothing is applied. */
  adjustStock: ItemChange;
  /** Apply several deltas with one reason in one transaction: all lines or none. A failing line is named as lines.<index>: BAD_USER_INPUT (fieldErrors lines.<index>.<field>), NOT_FOUND or CONFLICT (out of range, expectedQuantity differs, idempotencyKey reused with other arguments). */
  adjustStockBatch: Array<ItemChange>;
  /** Change your own password; your refresh tokens are revoked. A wrong oldPassword is BAD_USER_INPUT (fieldErrors.oldPassword) and counts as a failed login. */
  changePassword: User;
  /** Record a stocktake: each counted quantity that differs is logged as COUNT_CORRECTION; all lines or none. Workers may count. A failing line is named as counts.<index> (BAD_USER_INPUT, NOT_FOUND, CONFLICT). */
  countStock: CountResult;
  /** Create an item (owners and superusers); its quantity is logged as INITIAL. CONFLICT for a SKU the owner already uses. */
  createItem: InventoryItem;
  /** Create an account: an owner creates WORKER accounts employed by itself; a superuser creates any account. FORBIDDEN for workers. */
  createUser: User;
  /** Delete an item; its change log stays, ending with a DELETED entry. */
  deleteItem: DeletePayload;
  /** Delete a user who owns no items and employs no one (CONFLICT otherwise); the change log keeps its username. */
  deleteUser: DeletePayload;
  /** Create and update items from a CSV file: all rows or none; problems are listed in the result by line. Owners and superusers only (FORBIDDEN); send it as a GraphQL multipart request (README: CSV import). */
  importItems: ImportResult;
  /** Exchange a refresh token for a new pair; the given one is revoked (using it again is UNAUTHENTICATED, reason TOKEN_REVOKED). */
  refreshToken: TokenPayload;
  /** Public sign-up of an OWNER account; needs no token. FORBIDDEN when sign-up is closed (SIGNUP_OPEN=false); CONFLICT for a username or email already taken. */
  register: User;
  /** Undo a logged change: append a REVERSAL with the opposite delta. INITIAL, DELETED and REVERSAL entries: BAD_USER_INPUT; already reverted, out of range or the item deleted: CONFLICT. */
  revertChange: ItemChange;
  /** Revoke a refresh token (sign out). Needs no access token. */
  revokeToken: RevokePayload;
  /** Sign in with a username (any case) and password: an access token and a refresh token. UNAUTHENTICATED (reason CREDENTIALS_INVALID) for wrong credentials or an inactive account; RATE_LIMITED after too many failed attempts. */
  tokenAuth: TokenPayload;
  /** Partial update: absent fields stay, null clears sku. Workers may set the quantity only; a new quantity is logged (COUNT_CORRECTION unless a reason is given). */
  updateItem: InventoryItem;
  /** Edit a user in scope; absent fields stay. Owners edit themselves and their workers' email and isActive; workers edit their own email. */
  updateUser: User;
  /** Check an access token: valid, unexpired, of an active user. Answers its claims, or UNAUTHENTICATED with the reason. */
  verifyToken: VerifyPayload;
};


/** Writes. */
export type MutationAdjustStockArgs = {
  input: AdjustStockInput;
};


/** Writes. */
export type MutationAdjustStockBatchArgs = {
  input: AdjustStockBatchInput;
};


/** Writes. */
export type MutationChangePasswordArgs = {
  newPassword: Scalars['String']['input'];
  oldPassword: Scalars['String']['input'];
};


/** Writes. */
export type MutationCountStockArgs = {
  input: CountStockInput;
};


/** Writes. */
export type MutationCreateItemArgs = {
  input: CreateItemInput;
};


/** Writes. */
export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


/** Writes. */
export type MutationDeleteItemArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. */
export type MutationDeleteUserArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. */
export type MutationImportItemsArgs = {
  input: ImportItemsInput;
};


/** Writes. */
export type MutationRefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


/** Writes. */
export type MutationRegisterArgs = {
  input: RegisterInput;
};


/** Writes. */
export type MutationRevertChangeArgs = {
  id: Scalars['ID']['input'];
  note?: Scalars['String']['input'];
};


/** Writes. */
export type MutationRevokeTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


/** Writes. */
export type MutationTokenAuthArgs = {
  password: Scalars['String']['input'];
  username: Scalars['String']['input'];
};


/** Writes. */
export type MutationUpdateItemArgs = {
  id: Scalars['ID']['input'];
  input: UpdateItemInput;
};


/** Writes. */
export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};


/** Writes. */
export type MutationVerifyTokenArgs = {
  token: Scalars['String']['input'];
};

/** Where a page starts and how long it may be. */
export type OffsetPaginationInfo = {
  __typename?: 'OffsetPaginationInfo';
  /** The limit applied (the requested one, clamped to 100). */
  limit?: Maybe<Scalars['Int']['output']>;
  /** Rows skipped. */
  offset: Scalars['Int']['output'];
};

/** A page: skip offset rows, return at most limit. */
export type OffsetPaginationInput = {
  /** Rows to return; default 20, at most 100, not negative. */
  limit?: InputMaybe<Scalars['Int']['input']>;
  /** Rows to skip; not negative. Default 0. */
  offset?: Scalars['Int']['input'];
};

/** Sort direction. */
export type Ordering =
  /** Ascending. */
  | 'ASC'
  /** Ascending, nulls first. */
  | 'ASC_NULLS_FIRST'
  /** Ascending, nulls last. */
  | 'ASC_NULLS_LAST'
  /** Descending. */
  | 'DESC'
  /** Descending, nulls first. */
  | 'DESC_NULLS_FIRST'
  /** Descending, nulls last. */
  | 'DESC_NULLS_LAST';

/** Reads. Everything but the token mutations needs a signed-in user. */
export type Query = {
  __typename?: 'Query';
  /** Per category of the items in scope (by the stored text): counts and totals. */
  categories: Array<CategorySummary>;
  /** One item in scope; NOT_FOUND for a missing id or one outside the scope. */
  item?: Maybe<InventoryItem>;
  /** The change log in scope, also of deleted items; newest first. */
  itemChanges: ItemChangePage;
  /** Items in scope; newest first unless ordered. */
  items: ItemPage;
  /** The signed-in user. */
  me?: Maybe<User>;
  /** Sums of the change log over [from, to) in your scope, per item, category, reason or day (UTC); at most 366 days. Ordered by outbound descending, then group; days in date order. */
  stockMovements: MovementPage;
  /** One user in scope; NOT_FOUND for a missing id or one outside the scope. */
  user?: Maybe<User>;
  /** Users in scope (default order: username). */
  users: UserPage;
};


/** Reads. Everything but the token mutations needs a signed-in user. */
export type QueryItemArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Everything but the token mutations needs a signed-in user. */
export type QueryItemChangesArgs = {
  filters?: InputMaybe<ItemChangeFilter>;
  ordering?: InputMaybe<Array<ItemChangeOrder>>;
  pagination?: InputMaybe<OffsetPaginationInput>;
};


/** Reads. Everything but the token mutations needs a signed-in user. */
export type QueryItemsArgs = {
  filters?: InputMaybe<ItemFilter>;
  ordering?: InputMaybe<Array<ItemOrder>>;
  pagination?: InputMaybe<OffsetPaginationInput>;
};


/** Reads. Everything but the token mutations needs a signed-in user. */
export type QueryStockMovementsArgs = {
  filters?: InputMaybe<MovementFilter>;
  from: Scalars['DateTime']['input'];
  groupBy?: MovementGroup;
  pagination?: InputMaybe<OffsetPaginationInput>;
  to: Scalars['DateTime']['input'];
};


/** Reads. Everything but the token mutations needs a signed-in user. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Everything but the token mutations needs a signed-in user. */
export type QueryUsersArgs = {
  filters?: InputMaybe<UserFilter>;
  ordering?: InputMaybe<Array<UserOrder>>;
  pagination?: InputMaybe<OffsetPaginationInput>;
};

/** The net movement of one reason within a group. */
export type ReasonTotal = {
  __typename?: 'ReasonTotal';
  /** Number of changes. */
  changes: Scalars['Int']['output'];
  /** Sum of the deltas. */
  net: Scalars['BigInt']['output'];
  /** The reason summed. */
  reason: StockChangeReason;
};

/** A public sign-up: the new account is an OWNER. */
export type RegisterInput = {
  /** A valid address, unique ignoring case; trimmed. */
  email: Scalars['String']['input'];
  /** Must pass the server's password validators; not trimmed. */
  password: Scalars['String']['input'];
  /** Unique ignoring case; trimmed. */
  username: Scalars['String']['input'];
};

/** A revoked refresh token. */
export type RevokePayload = {
  __typename?: 'RevokePayload';
  /** When the refresh token was revoked (unix time). */
  revoked: Scalars['Int']['output'];
};

/** What an account does. */
export type Role =
  /** Keeps stock: owns items, employs workers. */
  | 'OWNER'
  /** Records stock changes for its employer's items. */
  | 'WORKER';

/** Why a quantity changed. */
export type StockChangeReason =
  /** A stocktake or a quantity set directly. */
  | 'COUNT_CORRECTION'
  /** Stock written off as damaged or lost. */
  | 'DAMAGED'
  /** The item was deleted: its quantity went to 0 (written by the server). */
  | 'DELETED'
  /** The quantity an item was created with (written by the server). */
  | 'INITIAL'
  /** Anything else; say what in the note. */
  | 'OTHER'
  /** Stock came in (a delivery). */
  | 'RECEIVED'
  /** A customer brought stock back. */
  | 'RETURNED'
  /** Undoes an earlier change (revertChange). */
  | 'REVERSAL'
  /** Stock went out to a customer. */
  | 'SOLD';

/** String lookups (no regular expressions). */
export type StrFilterLookup = {
  /** Case-sensitive containment. Skipped when null. */
  contains?: InputMaybe<Scalars['String']['input']>;
  /** Case-sensitive ends-with. Skipped when null. */
  endsWith?: InputMaybe<Scalars['String']['input']>;
  /** Exact match. Filter will be skipped on `null` value */
  exact?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive containment. Skipped when null. */
  iContains?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive ends-with. Skipped when null. */
  iEndsWith?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive exact match. Skipped when null. */
  iExact?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive starts-with. Skipped when null. */
  iStartsWith?: InputMaybe<Scalars['String']['input']>;
  /** Exact match of items in a given list. Filter will be skipped on `null` value */
  inList?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Assignment test. Filter will be skipped on `null` value */
  isNull?: InputMaybe<Scalars['Boolean']['input']>;
  /** Case-sensitive starts-with. Skipped when null. */
  startsWith?: InputMaybe<Scalars['String']['input']>;
};

/** Live updates over the graphql-transport-ws websocket protocol. */
export type Subscription = {
  __typename?: 'Subscription';
  /** An item in your scope drops below its threshold (once, until it recovers); deletions never alert. */
  lowStockAlerts: InventoryItem;
  /** Every change of a quantity in your scope (creation, adjustment, edit, deletion), as it commits; with itemId, only that item's. With afterId, the changes after it come first, oldest first, then live ones: none twice, none missed. */
  stockChanges: ItemChange;
};


/** Live updates over the graphql-transport-ws websocket protocol. */
export type SubscriptionStockChangesArgs = {
  afterId?: InputMaybe<Scalars['ID']['input']>;
  itemId?: InputMaybe<Scalars['ID']['input']>;
};

/** A fresh access token and refresh token. */
export type TokenPayload = {
  __typename?: 'TokenPayload';
  /** The access token's claims: {username, exp, origIat}. */
  payload: Scalars['JSON']['output'];
  /** When the refresh token expires (unix time). */
  refreshExpiresIn: Scalars['Int']['output'];
  /** Exchange it with `refreshToken` for a new pair. */
  refreshToken: Scalars['String']['output'];
  /** The access token: send it as `Authorization: JWT <token>`. */
  token: Scalars['String']['output'];
  /** The signed-in user. */
  user: User;
};

/** Changes to an item. Partial: absent fields stay as they are. */
export type UpdateItemInput = {
  /** 1–100 characters after trimming. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** Up to 5,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Reorder level: the item is low on stock below it. 0 … 2,147,483,647. */
  lowStockThreshold?: InputMaybe<Scalars['Int']['input']>;
  /** 1–200 characters after trimming. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Free text kept in the change log, up to 1,000 characters. Logged with a quantity change. */
  note?: Scalars['String']['input'];
  /** From 0 to 9,999,999,999.99 with at most 2 decimal places, e.g. "12.50". */
  price?: InputMaybe<Scalars['Decimal']['input']>;
  /** Set the quantity (0 … 2,147,483,647); a different one is logged. The one field a worker may set. */
  quantity?: InputMaybe<Scalars['Int']['input']>;
  /** Logged with a quantity change. */
  reason?: StockChangeReason;
  /** Optional stock-keeping code, up to 64 characters, unique per owner ignoring case. null or blank clears it. */
  sku?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a user; absent fields stay as they are. */
export type UpdateUserInput = {
  /** A valid address, unique ignoring case; trimmed. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Superuser only. */
  employerId?: InputMaybe<Scalars['ID']['input']>;
  /** false ends every token and subscription of the user at once. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Superuser only. */
  role?: InputMaybe<Role>;
};

/** An account. An OWNER keeps stock; a WORKER records stock changes for its employer. */
export type User = {
  __typename?: 'User';
  /** When the account was created. */
  dateJoined: Scalars['DateTime']['output'];
  /** Unique, ignoring case. */
  email: Scalars['String']['output'];
  /** The OWNER a WORKER works for; null for owners. */
  employer?: Maybe<User>;
  /** The user's id. */
  id: Scalars['ID']['output'];
  /** Only active users can sign in. */
  isActive: Scalars['Boolean']['output'];
  /** Superusers see and do everything. */
  isSuperuser: Scalars['Boolean']['output'];
  /** OWNER or WORKER; does not limit a superuser. */
  role: Role;
  /** Unique, ignoring case. */
  username: Scalars['String']['output'];
};

/** Narrows the users in scope. */
export type UserFilter = {
  /** Also matches this filter. */
  AND?: InputMaybe<UserFilter>;
  /** Drop duplicate rows. */
  DISTINCT?: InputMaybe<Scalars['Boolean']['input']>;
  /** Does not match this filter. */
  NOT?: InputMaybe<UserFilter>;
  /** Or matches this filter. */
  OR?: InputMaybe<UserFilter>;
  /** The email address. */
  email?: InputMaybe<StrFilterLookup>;
  /** Active or deactivated users. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Users with this role. */
  role?: InputMaybe<Role>;
  /** Case-insensitive match on username or email. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** The username. */
  username?: InputMaybe<StrFilterLookup>;
};

/** One sort key of users. */
export type UserOrder =
  /** By creation time. */
  { dateJoined: Ordering; username?: never; }
  |  /** By username. */
  { dateJoined?: never; username: Ordering; };

/** A page of User rows. */
export type UserPage = {
  __typename?: 'UserPage';
  /** The offset and the limit applied. */
  pageInfo: OffsetPaginationInfo;
  /** List of paginated results. */
  results: Array<User>;
  /** Total count of existing results. */
  totalCount: Scalars['Int']['output'];
};

/** The claims of a valid access token. */
export type VerifyPayload = {
  __typename?: 'VerifyPayload';
  /** The token's claims: {username, exp, origIat}. */
  payload: Scalars['JSON']['output'];
};

export type ItemFieldsFragment = { __typename?: 'InventoryItem', id: string, name: string, sku?: string | null, category: string, quantity: number, price: string, lowStockThreshold: number, isLowStock: boolean, lastUpdated: string };

export type ChangeFieldsFragment = { __typename?: 'ItemChange', id: string, itemName: string, username: string, oldQuantity: number, newQuantity: number, delta: number, reason: StockChangeReason, note: string, timestamp: string, item?: { __typename?: 'InventoryItem', id: string, quantity: number, isLowStock: boolean, lastUpdated: string } | null, reverts?: { __typename?: 'ItemChange', id: string } | null, revertedBy?: { __typename?: 'ItemChange', id: string } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, username: string, role: Role, isSuperuser: boolean, employer?: { __typename?: 'User', id: string, username: string } | null } | null };

export type ItemsQueryVariables = Exact<{
  filters?: InputMaybe<ItemFilter>;
  ordering?: InputMaybe<Array<ItemOrder> | ItemOrder>;
  pagination?: InputMaybe<OffsetPaginationInput>;
}>;


export type ItemsQuery = { __typename?: 'Query', items: { __typename?: 'ItemPage', totalCount: number, pageInfo: { __typename?: 'OffsetPaginationInfo', offset: number, limit?: number | null }, results: Array<{ __typename?: 'InventoryItem', id: string, name: string, sku?: string | null, category: string, quantity: number, price: string, lowStockThreshold: number, isLowStock: boolean, lastUpdated: string }> } };

export type CategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoriesQuery = { __typename?: 'Query', categories: Array<{ __typename?: 'CategorySummary', name: string, itemCount: number, totalQuantity: number, totalValue: string }> };

export type ItemQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  changes?: InputMaybe<OffsetPaginationInput>;
}>;


export type ItemQuery = { __typename?: 'Query', item?: { __typename?: 'InventoryItem', description: string, dateAdded: string, id: string, name: string, sku?: string | null, category: string, quantity: number, price: string, lowStockThreshold: number, isLowStock: boolean, lastUpdated: string, owner: { __typename?: 'User', id: string, username: string }, changes: Array<{ __typename?: 'ItemChange', id: string, itemName: string, username: string, oldQuantity: number, newQuantity: number, delta: number, reason: StockChangeReason, note: string, timestamp: string, item?: { __typename?: 'InventoryItem', id: string, quantity: number, isLowStock: boolean, lastUpdated: string } | null, reverts?: { __typename?: 'ItemChange', id: string } | null, revertedBy?: { __typename?: 'ItemChange', id: string } | null }> } | null, itemChanges: { __typename?: 'ItemChangePage', totalCount: number } };

export type QuantityAtQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  at: Scalars['DateTime']['input'];
}>;


export type QuantityAtQuery = { __typename?: 'Query', item?: { __typename?: 'InventoryItem', id: string, quantityAt: number } | null };

export type CreateItemMutationVariables = Exact<{
  input: CreateItemInput;
}>;


export type CreateItemMutation = { __typename?: 'Mutation', createItem: { __typename?: 'InventoryItem', description: string, id: string, name: string, sku?: string | null, category: string, quantity: number, price: string, lowStockThreshold: number, isLowStock: boolean, lastUpdated: string } };

export type UpdateItemMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateItemInput;
}>;


export type UpdateItemMutation = { __typename?: 'Mutation', updateItem: { __typename?: 'InventoryItem', description: string, id: string, name: string, sku?: string | null, category: string, quantity: number, price: string, lowStockThreshold: number, isLowStock: boolean, lastUpdated: string } };

export type DeleteItemMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DeleteItemMutation = { __typename?: 'Mutation', deleteItem: { __typename?: 'DeletePayload', deletedId: string } };

export type AdjustStockMutationVariables = Exact<{
  input: AdjustStockInput;
}>;


export type AdjustStockMutation = { __typename?: 'Mutation', adjustStock: { __typename?: 'ItemChange', id: string, itemName: string, username: string, oldQuantity: number, newQuantity: number, delta: number, reason: StockChangeReason, note: string, timestamp: string, item?: { __typename?: 'InventoryItem', id: string, quantity: number, isLowStock: boolean, lastUpdated: string } | null, reverts?: { __typename?: 'ItemChange', id: string } | null, revertedBy?: { __typename?: 'ItemChange', id: string } | null } };

export type RevertChangeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
}>;


export type RevertChangeMutation = { __typename?: 'Mutation', revertChange: { __typename?: 'ItemChange', id: string, itemName: string, username: string, oldQuantity: number, newQuantity: number, delta: number, reason: StockChangeReason, note: string, timestamp: string, item?: { __typename?: 'InventoryItem', id: string, quantity: number, isLowStock: boolean, lastUpdated: string } | null, reverts?: { __typename?: 'ItemChange', id: string } | null, revertedBy?: { __typename?: 'ItemChange', id: string } | null } };

export type CountStockMutationVariables = Exact<{
  input: CountStockInput;
}>;


export type CountStockMutation = { __typename?: 'Mutation', countStock: { __typename?: 'CountResult', unchanged: number, changes: Array<{ __typename?: 'ItemChange', id: string, itemName: string, username: string, oldQuantity: number, newQuantity: number, delta: number, reason: StockChangeReason, note: string, timestamp: string, item?: { __typename?: 'InventoryItem', id: string, quantity: number, isLowStock: boolean, lastUpdated: string } | null, reverts?: { __typename?: 'ItemChange', id: string } | null, revertedBy?: { __typename?: 'ItemChange', id: string } | null }> } };

export type AdjustStockBatchMutationVariables = Exact<{
  input: AdjustStockBatchInput;
}>;


export type AdjustStockBatchMutation = { __typename?: 'Mutation', adjustStockBatch: Array<{ __typename?: 'ItemChange', id: string, itemName: string, username: string, oldQuantity: number, newQuantity: number, delta: number, reason: StockChangeReason, note: string, timestamp: string, item?: { __typename?: 'InventoryItem', id: string, quantity: number, isLowStock: boolean, lastUpdated: string } | null, reverts?: { __typename?: 'ItemChange', id: string } | null, revertedBy?: { __typename?: 'ItemChange', id: string } | null }> };

export type ImportItemsMutationVariables = Exact<{
  input: ImportItemsInput;
}>;


export type ImportItemsMutation = { __typename?: 'Mutation', importItems: { __typename?: 'ImportResult', dryRun: boolean, applied: boolean, created: number, updated: number, unchanged: number, errorCount: number, errors: Array<{ __typename?: 'ImportRowError', line: number, field?: string | null, messages: Array<string> }> } };

export type MovementsQueryVariables = Exact<{
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
  groupBy?: InputMaybe<MovementGroup>;
  pagination?: InputMaybe<OffsetPaginationInput>;
}>;


export type MovementsQuery = { __typename?: 'Query', stockMovements: { __typename?: 'MovementPage', totalCount: number, results: Array<{ __typename?: 'Movement', group: string, itemName?: string | null, inbound: number, outbound: number, net: number, changes: number }> } };

export type UsersQueryVariables = Exact<{
  pagination?: InputMaybe<OffsetPaginationInput>;
}>;


export type UsersQuery = { __typename?: 'Query', users: { __typename?: 'UserPage', totalCount: number, results: Array<{ __typename?: 'User', id: string, username: string, email: string, isActive: boolean, dateJoined: string }> } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { __typename?: 'Mutation', createUser: { __typename?: 'User', id: string, username: string, email: string, isActive: boolean, dateJoined: string } };

export type UpdateUserMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
}>;


export type UpdateUserMutation = { __typename?: 'Mutation', updateUser: { __typename?: 'User', id: string, isActive: boolean } };

export type StockChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type StockChangesSubscription = { __typename?: 'Subscription', stockChanges: { __typename?: 'ItemChange', id: string, itemName: string, username: string, oldQuantity: number, newQuantity: number, delta: number, reason: StockChangeReason, note: string, timestamp: string, item?: { __typename?: 'InventoryItem', id: string, quantity: number, isLowStock: boolean, lastUpdated: string } | null, reverts?: { __typename?: 'ItemChange', id: string } | null, revertedBy?: { __typename?: 'ItemChange', id: string } | null } };

export type StockChangesResumeSubscriptionVariables = Exact<{
  afterId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type StockChangesResumeSubscription = { __typename?: 'Subscription', stockChanges: { __typename?: 'ItemChange', id: string, itemName: string, username: string, oldQuantity: number, newQuantity: number, delta: number, reason: StockChangeReason, note: string, timestamp: string, item?: { __typename?: 'InventoryItem', id: string, quantity: number, isLowStock: boolean, lastUpdated: string } | null, reverts?: { __typename?: 'ItemChange', id: string } | null, revertedBy?: { __typename?: 'ItemChange', id: string } | null } };

export type LowStockAlertsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LowStockAlertsSubscription = { __typename?: 'Subscription', lowStockAlerts: { __typename?: 'InventoryItem', id: string, name: string, quantity: number, lowStockThreshold: number, isLowStock: boolean } };

export const ItemFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"lowStockThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}}]} as unknown as DocumentNode<ItemFieldsFragment, unknown>;
export const ChangeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ItemChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"oldQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"newQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reverts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revertedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ChangeFieldsFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isSuperuser"}},{"kind":"Field","name":{"kind":"Name","value":"employer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const ItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Items"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filters"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ordering"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemOrder"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pagination"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OffsetPaginationInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filters"}}},{"kind":"Argument","name":{"kind":"Name","value":"ordering"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ordering"}}},{"kind":"Argument","name":{"kind":"Name","value":"pagination"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pagination"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offset"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ItemFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"lowStockThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}}]} as unknown as DocumentNode<ItemsQuery, ItemsQueryVariables>;
export const CategoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"itemCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"totalValue"}}]}}]}}]} as unknown as DocumentNode<CategoriesQuery, CategoriesQueryVariables>;
export const ItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Item"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"changes"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OffsetPaginationInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ItemFields"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"dateAdded"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"pagination"},"value":{"kind":"Variable","name":{"kind":"Name","value":"changes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"itemChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"item"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"pagination"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"0"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"lowStockThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ItemChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"oldQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"newQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reverts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revertedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ItemQuery, ItemQueryVariables>;
export const QuantityAtDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QuantityAt"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"at"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantityAt"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"at"},"value":{"kind":"Variable","name":{"kind":"Name","value":"at"}}}]}]}}]}}]} as unknown as DocumentNode<QuantityAtQuery, QuantityAtQueryVariables>;
export const CreateItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ItemFields"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"lowStockThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}}]} as unknown as DocumentNode<CreateItemMutation, CreateItemMutationVariables>;
export const UpdateItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ItemFields"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InventoryItem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"lowStockThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}}]} as unknown as DocumentNode<UpdateItemMutation, UpdateItemMutationVariables>;
export const DeleteItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteItemMutation, DeleteItemMutationVariables>;
export const AdjustStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdjustStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustStockInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ItemChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"oldQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"newQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reverts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revertedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdjustStockMutation, AdjustStockMutationVariables>;
export const RevertChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevertChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revertChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ItemChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"oldQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"newQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reverts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revertedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RevertChangeMutation, RevertChangeMutationVariables>;
export const CountStockDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CountStock"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CountStockInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countStock"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ItemChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"oldQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"newQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reverts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revertedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CountStockMutation, CountStockMutationVariables>;
export const AdjustStockBatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdjustStockBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustStockBatchInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustStockBatch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ItemChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"oldQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"newQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reverts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revertedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AdjustStockBatchMutation, AdjustStockBatchMutationVariables>;
export const ImportItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportItemsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"applied"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"errorCount"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"messages"}}]}}]}}]}}]} as unknown as DocumentNode<ImportItemsMutation, ImportItemsMutationVariables>;
export const MovementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Movements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MovementGroup"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pagination"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OffsetPaginationInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockMovements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"pagination"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pagination"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"inbound"}},{"kind":"Field","name":{"kind":"Name","value":"outbound"}},{"kind":"Field","name":{"kind":"Name","value":"net"}},{"kind":"Field","name":{"kind":"Name","value":"changes"}}]}}]}}]}}]} as unknown as DocumentNode<MovementsQuery, MovementsQueryVariables>;
export const UsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Users"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"pagination"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OffsetPaginationInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filters"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"EnumValue","value":"WORKER"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"ordering"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"username"},"value":{"kind":"EnumValue","value":"ASC"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"pagination"},"value":{"kind":"Variable","name":{"kind":"Name","value":"pagination"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"dateJoined"}}]}}]}}]}}]} as unknown as DocumentNode<UsersQuery, UsersQueryVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"dateJoined"}}]}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}}]}}]} as unknown as DocumentNode<UpdateUserMutation, UpdateUserMutationVariables>;
export const StockChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StockChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ItemChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"oldQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"newQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reverts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revertedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<StockChangesSubscription, StockChangesSubscriptionVariables>;
export const StockChangesResumeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StockChangesResume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stockChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"afterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChangeFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChangeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ItemChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"itemName"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"oldQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"newQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reverts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revertedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<StockChangesResumeSubscription, StockChangesResumeSubscriptionVariables>;
export const LowStockAlertsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LowStockAlerts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lowStockAlerts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"lowStockThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"isLowStock"}}]}}]}}]} as unknown as DocumentNode<LowStockAlertsSubscription, LowStockAlertsSubscriptionVariables>;