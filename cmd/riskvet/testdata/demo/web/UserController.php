<?php

// stricttypes: no declare(strict_types=1), so "12abc" passes as int 12.

namespace App;

final class UserController
{
    public function __construct(private UserRepository $users)
    {
    }

    public function show(): string
    {
        // undefinedindex: a request without ?id= emits a warning here.
        $id = (int) $_GET['id'];
        $user = $this->users->find($id);
        if ($user === null) {
            // nullderef: $user is null on this branch, so the message fails.
            throw new \RuntimeException('no user ' . $user->name);
        }
        return 'Hello, ' . $user->name;
    }

    public function rename(): void
    {
        $user = $this->users->find((int) ($_POST['id'] ?? 0));
        if ($user === null) {
            throw new \RuntimeException('no such user');
        }
        // undefinedindex: the form may be posted without a name.
        $user->rename($_POST['name']);
    }
}
