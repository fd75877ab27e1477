import type { ReactNode } from "react";
import { useApp } from "../app";

export function OwnerOnly({ children }: { children: ReactNode }) {
  const { isOwner } = useApp();
  if (!isOwner)
    return (
      <section>
        <h1>Owners only</h1>
        <p>This screen is for the shop's owner. Ask your employer if you need it.</p>
      </section>
    );
  return <>{children}</>;
}
