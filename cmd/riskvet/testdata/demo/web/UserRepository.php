<?php

declare(strict_types=1);

namespace App;

final class User
{
    public function __construct(
        public int $id,
        public string $name,
    ) {
    }

    public function rename(string $name): void
    {
        $this->name = $name;
    }
}

final class UserRepository
{
    /** @var array<int, User> */
    private array $users = [];

    public function find(int $id): ?User
    {
        return $this->users[$id] ?? null;
    }
}
