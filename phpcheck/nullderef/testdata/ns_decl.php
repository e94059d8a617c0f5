<?php
// Declarations used by ns_use.php: namespaces, use imports, interfaces,
// traits and inheritance, resolved by the index across files.
declare(strict_types=1);

namespace App\Model {
    class User {
        public function name(): string { return 'u'; }
    }
}

namespace App\Repo {
    use App\Model\User;
    use App\Model\User as Account;

    interface Finder {
        public function find(int $id): ?User;
    }

    trait HasOwner {
        public ?User $owner = null;
        public function owner(): ?Account { return $this->owner; }
    }

    class UserRepo implements Finder {
        use HasOwner;
        public function find(int $id): ?User { return null; }
        public function must(int $id): User { return new User(); }
        /** @return User|null */
        public function legacy(int $id) { return null; }
    }

    class AdminRepo extends UserRepo {}

    function helper(): ?\App\Model\User { return null; }
}
