import { useEffect, useRef, type ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { useApp, useConnection } from "../app";

const LABELS = { online: "Live", connecting: "Reconnecting…", offline: "Offline" } as const;

function ConnectionIndicator() {
  const { status } = useApp();
  const state = useConnection(status);
  return (
    <span className={`connection connection-${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="dot" aria-hidden="true" /> {LABELS[state]}
    </span>
  );
}

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const current = href === "/" ? location === "/" || location.startsWith("/items") : location.startsWith(href);
  return (
    <Link href={href} aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}

export function Layout({ children, notices }: { children: ReactNode; notices: { id: number; text: string }[] }) {
  const { me, isOwner, signOut } = useApp();
  const [location] = useLocation();
  const main = useRef<HTMLElement>(null);
  // After navigation, move focus to the new screen's heading (screen readers announce it).
  useEffect(() => {
    const heading = main.current?.querySelector<HTMLElement>("h1");
    if (heading && !main.current?.contains(document.activeElement)) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [location]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Stockroom</span>
        <nav aria-label="Main">
          <NavLink href="/">Items</NavLink>
          <NavLink href="/stocktake">Stocktake</NavLink>
          <NavLink href="/receiving">Receiving</NavLink>
          {isOwner && <NavLink href="/import">Import</NavLink>}
          <NavLink href="/movements">Movements</NavLink>
          {isOwner && <NavLink href="/workers">Workers</NavLink>}
        </nav>
        <span className="who">
          <ConnectionIndicator />
          <span>
            {me.username} ({me.isSuperuser ? "superuser" : me.role.toLowerCase()})
          </span>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" ref={main} className="page">
        {children}
      </main>
      <div className="notices" role="log" aria-live="polite" aria-label="Notifications">
        {notices.map((n) => (
          <p key={n.id} className="notice">
            {n.text}
          </p>
        ))}
      </div>
    </>
  );
}
