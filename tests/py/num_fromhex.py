# float.fromhex and float.hex round trips.
for s in ['0x1.8p1','-0X1P-1074','0x1p-1075','0x3p-1076','0x1.fffffffffffff8p1023','0x1p1024','inf','  -Infinity ','nan','0x.8','1.','0x','1p','0x1.2.3','0x1p+3','0x1P-3',' 0xa ','ff', '0x1_0','0x1.0000000000000800001p0','0x1.00000000000008p0', '0x1.00000000000018p0', '0x0.0000000000001p-1022','0x10000000000000000000000000p-100', '0x1p99999999999999999999', '0x1p-99999999999999999999', '0x0p99999', '-0x0.0p0', '.', 'p1', '0x.p1', '0x1.fffffffffffffp1023', (0.1).hex(), (-1e-310).hex()]:
    try: print(repr(s), float.fromhex(s))
    except Exception as e: print(repr(s), type(e).__name__, e)
for x in [0.1, 1e300, 5e-324, -2.5, 123.456, 1e-310]:
    print(float.fromhex(x.hex()) == x)
