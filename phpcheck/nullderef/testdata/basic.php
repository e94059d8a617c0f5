<?php // riskvet:run // riskvet:flags -nullderef.level=shown
declare(strict_types=1);

class User {
    public string $name = 'u';
    public ?Avatar $avatar = null;
    public function name(): string { return $this->name; }
}

class Avatar {
    public string $url = 'x';
    public function url(): string { return $this->url; }
}

class UserRepo {
    public function find(int $id): ?User {
        return $id === 1 ? new User() : null;
    }
    public static function byName(string $n): ?User {
        return null;
    }
}

function testNullableReturn(): void {
    $repo = new UserRepo();
    $user = $repo->find(2);
    $user->name(); // want `\$user may be null here \(UserRepo::find\(\) returns null at basic\.php:17\)`
}

function testGuardedReturn(): void {
    $repo = new UserRepo();
    $user = $repo->find(2);
    if ($user === null) {
        return;
    }
    $user->name(); // not reported: the early return proves $user non-null
}

function testStaticCall(): void {
    UserRepo::byName('a')->name(); // want `UserRepo::byName\(\) may be null here \(UserRepo::byName\(\) returns null at basic\.php:20\)`
}

function testNullLiteral(): void {
    $x = null;
    $x->name(); // want `^\$x is null here \(assigned null at line 44\)$`
}

function testProperty(): void {
    $u = new User();
    $u->avatar->url(); // want `\$u->avatar may be null here \(property User::\$avatar is \?Avatar\)`
}

function testPropertyGuard(): void {
    $u = new User();
    if ($u->avatar !== null) {
        $u->avatar->url(); // not reported: guarded by !== null
    }
}

function testNullsafe(): void {
    $u = (new UserRepo())->find(2);
    echo $u?->name(); // not reported: ?-> short-circuits
}
