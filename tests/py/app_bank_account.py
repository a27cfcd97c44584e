# A newcomer's bank: classes, properties, custom exceptions, a transaction
# log and sorted reports.
from collections import namedtuple


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number}: cannot withdraw {amount:.2f}, "
                         f"balance is {account.balance:.2f}")
        self.account = account
        self.amount = amount


class AccountClosed(BankError):
    pass


Transaction = namedtuple("Transaction", "seq account kind amount balance")


class Account:
    _next_number = 1000

    def __init__(self, owner, opening=0.0):
        if opening < 0:
            raise ValueError("opening balance cannot be negative")
        self.owner = owner
        self.number = Account._next_number
        Account._next_number += 1
        self._balance = 0.0
        self.open = True
        self.history = []
        if opening:
            self.deposit(opening)

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        raise AttributeError("balance is read-only; use deposit/withdraw")

    def _check_open(self):
        if not self.open:
            raise AccountClosed(f"account {self.number} is closed")

    def _record(self, kind, amount):
        self.history.append((kind, amount))
        Bank.log(self, kind, amount)

    def deposit(self, amount):
        self._check_open()
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self._balance += amount
        self._record("deposit", amount)

    def withdraw(self, amount):
        self._check_open()
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self._record("withdraw", amount)

    def close(self):
        self.open = False

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, #{self.number}, {self._balance:.2f})"


class SavingsAccount(Account):
    rate = 0.02

    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest

    def withdraw(self, amount):
        if amount > 500:
            raise BankError("savings withdrawals are limited to 500.00")
        super().withdraw(amount)


class Bank:
    transactions = []

    @classmethod
    def log(cls, account, kind, amount):
        cls.transactions.append(Transaction(len(cls.transactions) + 1, account.number,
                                            kind, amount, account.balance))

    def __init__(self):
        self.accounts = {}

    def open(self, kind, owner, opening=0.0):
        account = kind(owner, opening)
        self.accounts[account.number] = account
        return account

    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except BankError as e:
            print(f"transfer failed: {e}")
            return False
        dst.deposit(amount)
        return True

    def total(self):
        return sum(a.balance for a in self.accounts.values())


bank = Bank()
alice = bank.open(Account, "Alice", 100)
bob = bank.open(SavingsAccount, "Bob", 1000)
carol = bank.open(Account, "Carol")
alice.deposit(50.25)
bank.transfer(bob, carol, 300)
bank.transfer(alice, bob, 1000)
bank.transfer(bob, alice, 600)
print("interest:", bob.add_interest())
try:
    carol.withdraw(1000)
except InsufficientFunds as e:
    print(type(e).__name__ + ":", e, "| short by", round(e.amount - e.account.balance, 2))
try:
    alice.balance = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    bank.open(Account, "Dan", -5)
except ValueError as e:
    print("ValueError:", e)
carol.close()
try:
    carol.deposit(1)
except BankError as e:
    print(f"{type(e).__name__}: {e} (is BankError: {isinstance(e, BankError)})")
try:
    alice.deposit(0)
except ValueError as e:
    print("ValueError:", e)

print()
print(f"{'#':>3} {'acct':>5} {'kind':<9} {'amount':>9} {'balance':>9}")
for t in Bank.transactions:
    print(f"{t.seq:>3} {t.account:>5} {t.kind:<9} {t.amount:>9.2f} {t.balance:>9.2f}")
print()
print("Accounts by balance:")
for acct in sorted(bank.accounts.values(), key=lambda a: a.balance, reverse=True):
    status = "open" if acct.open else "closed"
    print(f"  {acct!r:<36} {status}")
print(f"Bank total: {bank.total():,.2f}")
kinds = {}
for t in Bank.transactions:
    kinds[t.kind] = kinds.get(t.kind, 0) + t.amount
for kind, amount in sorted(kinds.items()):
    print(f"{kind:>9}: {amount:10.2f}")
largest = max(Bank.transactions, key=lambda t: t.amount)
print("largest:", largest)
print("by owner:", sorted((a.owner, len(a.history)) for a in bank.accounts.values()))
