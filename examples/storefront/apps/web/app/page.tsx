import { Button } from '@storefront/ui';

export default function Home() {
  return (
    <main>
      <h1>Storefront</h1>
      <Button label="Shop now" />
    </main>
  );
}
