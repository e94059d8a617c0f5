<?php // riskvet:flags -nullderef.tests -nullderef.level=shown
declare(strict_types=1);

// With -nullderef.tests, test code is reported like any other.

namespace Fixture\Tests\On;

final class Cart {
    public function find(int $id): ?Cart { return $id > 0 ? $this : null; }
    public function total(): int { return 0; }
}

function roundTrip(): void {
    $cart = new Cart();
    $cart->find(1)->total(); // want `\$cart->find\(\) may be null here \(Cart::find\(\) returns null at tests/StoreOnTest\.php:9\)`
}
