package cn.kaowu.platform;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For benchmarks and simulations that seed people with {@code COPY} or SQL: the sealed columns of an ID and a phone
 * number (the plaintext columns are gone, issue 10 part 3).
 */
public final class PersonalDataSeed {

	/** The column list matching {@link #csv}. */
	public static final String COLUMNS = "id_number_enc, id_number_index, id_number_masked, phone_enc, phone_masked";

	private static final HexFormat HEX = HexFormat.of();

	private PersonalDataSeed() {
	}

	/** The five values of {@link #COLUMNS} in COPY's csv format, without a trailing comma. */
	public static String csv(PersonalData data, String idNumber, String phone) {
		return "\\x" + HEX.formatHex(data.seal(PersonalData.ID_NUMBER, idNumber)) + ",\\x"
				+ HEX.formatHex(data.index(idNumber)) + "," + ChineseIdNumber.mask(idNumber) + ",\\x"
				+ HEX.formatHex(data.seal(PersonalData.PHONE, phone)) + "," + ChineseIdNumber.maskPhone(phone);
	}

	/**
	 * Placeholders for {@link #COLUMNS} in SQL that seeds rows sealed afterwards by {@link #seal}; the index a random
	 * one per row, as the unique constraints on it hold during seeding too.
	 */
	public static final String PLACEHOLDERS = "'\\x00'::bytea, uuid_send(gen_random_uuid()), '', '\\x00'::bytea, ''";

	/** {@link #PLACEHOLDERS} without the phone (staff relatives). */
	public static final String ID_PLACEHOLDERS = "'\\x00'::bytea, uuid_send(gen_random_uuid()), ''";

	/**
	 * Seals the rows of {@code table} that SQL seeded with {@link #PLACEHOLDERS}: {@code idSql} and {@code phoneSql}
	 * are SQL expressions over the row giving the plaintext it stands for (e.g. from its candidate id).
	 */
	public static int seal(JdbcClient jdbc, PersonalData data, String table, String idSql, @Nullable String phoneSql) {
		record Plain(long id, String idNumber, @Nullable String phone) {
		}
		List<Plain> rows = jdbc.sql("SELECT id, " + idSql + ", " + (phoneSql == null ? "NULL" : phoneSql) + " FROM "
				+ table + " WHERE id_number_enc = '\\x00'::bytea")
			.query((rs, n) -> new Plain(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
		int updated = 0;
		for (int from = 0; from < rows.size(); from += 10_000) {
			List<Plain> chunk = rows.subList(from, Math.min(rows.size(), from + 10_000));
			List<Long> ids = new ArrayList<>();
			List<String> enc = new ArrayList<>();
			List<String> index = new ArrayList<>();
			List<String> masked = new ArrayList<>();
			List<String> phoneEnc = new ArrayList<>();
			List<String> phoneMasked = new ArrayList<>();
			for (Plain p : chunk) {
				ids.add(p.id());
				enc.add(HEX.formatHex(data.seal(PersonalData.ID_NUMBER, p.idNumber())));
				index.add(HEX.formatHex(data.index(p.idNumber())));
				masked.add(ChineseIdNumber.mask(p.idNumber()));
				String phone = p.phone() == null ? "" : p.phone();
				phoneEnc.add(HEX.formatHex(data.seal(PersonalData.PHONE, phone)));
				phoneMasked.add(ChineseIdNumber.maskPhone(phone));
			}
			String phoneSet = phoneSql == null ? "" : ", phone_enc = decode(u.pe, 'hex'), phone_masked = u.pm";
			updated += jdbc.sql("UPDATE " + table + " t SET id_number_enc = decode(u.e, 'hex'), "
					+ "id_number_index = decode(u.i, 'hex'), id_number_masked = u.m" + phoneSet
					+ " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS u(id, e, i, m, pe, pm)"
					+ " WHERE t.id = u.id")
				.params(ids.toArray(Long[]::new), enc.toArray(String[]::new), index.toArray(String[]::new),
						masked.toArray(String[]::new), phoneEnc.toArray(String[]::new), phoneMasked.toArray(String[]::new))
				.update();
		}
		return updated;
	}
}
