import { IdentityForm } from './IdentityForm';

/** Before anything else, the app needs to know who is acting: every record names its author. */
export function FirstRun() {
  return (
    <main className="first-run" id="main">
      <div className="first-run__card">
        <p className="first-run__brand">Serious Case Panel</p>
        <h1>Who is using this app?</h1>
        <p>
          The app records who approved, minuted or updated each record. Enter your name and role; you can change them later in
          Settings.
        </p>
        <IdentityForm submitLabel="Continue" />
      </div>
    </main>
  );
}
