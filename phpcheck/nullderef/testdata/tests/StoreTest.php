<?php
declare(strict_types=1);

// A file under a tests folder is test code: nothing is reported in it by
// default, and a directive that excuses a withheld finding is not stale.

namespace Fixture\Tests;

final class Cart {
    public ?string $coupon = null;
    public function find(int $id): ?Cart { return $id > 0 ? $this : null; }
}

function roundTrip(): void {
    $cart = new Cart();
    $cart->find(1)->coupon; // not reported: test code (see tests_on/)
    // riskvet:ignore nullderef find(1) returns the cart itself
    $cart->find(1)->coupon;
}

function stale(Cart $cart): void {
    // riskvet:ignore nullderef nothing here may be null // want "riskvet:ignore nullderef directive matches no finding on this line or the next; remove it"
    $cart->coupon;
}
