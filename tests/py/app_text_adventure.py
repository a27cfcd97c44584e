# A newcomer's text adventure: rooms in dicts, an inventory, a command
# parser, classes for items and the player, exceptions for bad moves, and a
# scripted list of commands standing in for input().
import random


class GameError(Exception):
    pass


class Item:
    def __init__(self, name, weight, description):
        self.name = name
        self.weight = weight
        self.description = description

    def __repr__(self):
        return f"Item({self.name!r}, {self.weight})"

    def __str__(self):
        return f"{self.name} ({self.weight} kg): {self.description}"


ROOMS = {
    "hall": {"desc": "A dusty hall.", "exits": {"north": "library", "east": "kitchen"},
             "items": [Item("lamp", 1.5, "an old oil lamp")]},
    "library": {"desc": "Shelves full of books.", "exits": {"south": "hall"},
                "items": [Item("book", 0.8, "a book about Python"), Item("key", 0.1, "a small brass key")]},
    "kitchen": {"desc": "It smells of bread.", "exits": {"west": "hall", "down": "cellar"},
                "items": [Item("bread", 0.5, "fresh bread")]},
    "cellar": {"desc": "Dark and cold.", "exits": {"up": "kitchen"}, "items": [], "locked": True},
}


class Player:
    MAX_WEIGHT = 2.0

    def __init__(self, name):
        self.name = name
        self.room = "hall"
        self.inventory = []
        self.moves = 0

    @property
    def load(self):
        return round(sum(i.weight for i in self.inventory), 2)

    def go(self, direction):
        exits = ROOMS[self.room]["exits"]
        if direction not in exits:
            raise GameError(f"You can't go {direction} from the {self.room}.")
        target = exits[direction]
        if ROOMS[target].get("locked"):
            if any(i.name == "key" for i in self.inventory):
                ROOMS[target]["locked"] = False
                print("You unlock the door with the key.")
            else:
                raise GameError("The door is locked.")
        self.room = target
        self.moves += 1
        return ROOMS[target]["desc"]

    def take(self, name):
        items = ROOMS[self.room]["items"]
        for item in items:
            if item.name == name:
                if self.load + item.weight > self.MAX_WEIGHT:
                    raise GameError(f"{name} is too heavy (carrying {self.load} kg).")
                items.remove(item)
                self.inventory.append(item)
                return f"Taken: {item}"
        raise GameError(f"There is no {name} here.")

    def drop(self, name):
        for item in self.inventory:
            if item.name == name:
                self.inventory.remove(item)
                ROOMS[self.room]["items"].append(item)
                return f"Dropped {name}."
        raise GameError(f"You don't have {name}.")


def look(player):
    room = ROOMS[player.room]
    items = ", ".join(i.name for i in room["items"]) or "nothing"
    exits = ", ".join(sorted(room["exits"]))
    return f"[{player.room}] {room['desc']} You see: {items}. Exits: {exits}."


def play(commands):
    player = Player("Ada")
    print(look(player))
    for line in commands:
        words = line.lower().split()
        if not words:
            continue
        verb, *rest = words
        arg = " ".join(rest)
        try:
            if verb == "go":
                print(player.go(arg))
            elif verb == "take":
                print(player.take(arg))
            elif verb == "drop":
                print(player.drop(arg))
            elif verb == "look":
                print(look(player))
            elif verb in ("inv", "inventory"):
                print("Carrying:", player.inventory, f"{player.load} kg")
            else:
                raise GameError(f"I don't know how to {verb!r}.")
        except GameError as e:
            print("!", e)
    return player


random.seed(7)
script = ["look", "take lamp", "go north", "take book", "take key", "inv", "drop lamp",
          "take key", "go south", "go east", "take bread", "go down", "look", "dance",
          "go up", "go west", "inventory"]
extra = random.sample(["look", "go north", "go south", "inv"], 3)
p = play(script + extra)
print(f"{p.name} made {p.moves} moves and carries {len(p.inventory)} items:")
for item in sorted(p.inventory, key=lambda i: (-i.weight, i.name)):
    print(" -", item)
print({name: len(room["items"]) for name, room in ROOMS.items()})
