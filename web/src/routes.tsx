import { lazy, Suspense } from "react";
import { Route, Router, Switch } from "wouter";
import { SignedIn, useSessionSignedIn } from "./app";
import { Layout } from "./components/Layout";
import { ImportScreen } from "./screens/Import";
import { ItemEdit, ItemNew } from "./screens/ItemForm";
import { ItemScreen } from "./screens/Item";
import { ItemsScreen } from "./screens/Items";
import { BatchScreen } from "./screens/Batch";
import { SignIn } from "./screens/SignIn";
import { WorkersScreen } from "./screens/Workers";
import { OwnerOnly } from "./components/OwnerOnly";

// The chart library loads with the movements screen only.
const MovementsScreen = lazy(() => import("./screens/Movements"));

export function Routes() {
  const signedIn = useSessionSignedIn();
  return (
    <Router base="/app">
      {!signedIn ? (
        <SignIn />
      ) : (
        <SignedIn>
          {(notices) => (
            <Layout notices={notices}>
              <Suspense fallback={<p aria-busy="true">Loading…</p>}>
                <Switch>
                  <Route path="/" component={ItemsScreen} />
                  <Route path="/items/new">
                    <OwnerOnly>
                      <ItemNew />
                    </OwnerOnly>
                  </Route>
                  <Route path="/items/:id/edit">
                    {(params) => (
                      <OwnerOnly>
                        <ItemEdit id={params.id} />
                      </OwnerOnly>
                    )}
                  </Route>
                  <Route path="/items/:id">{(params) => <ItemScreen id={params.id} />}</Route>
                  <Route path="/stocktake">
                    <BatchScreen mode="count" />
                  </Route>
                  <Route path="/receiving">
                    <BatchScreen mode="receive" />
                  </Route>
                  <Route path="/import">
                    <OwnerOnly>
                      <ImportScreen />
                    </OwnerOnly>
                  </Route>
                  <Route path="/movements" component={MovementsScreen} />
                  <Route path="/workers">
                    <OwnerOnly>
                      <WorkersScreen />
                    </OwnerOnly>
                  </Route>
                  <Route>
                    <h1>Not found</h1>
                    <p>There is no such page.</p>
                  </Route>
                </Switch>
              </Suspense>
            </Layout>
          )}
        </SignedIn>
      )}
    </Router>
  );
}
