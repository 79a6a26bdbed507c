package cn.kaowu.platform.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import cn.kaowu.platform.kernel.ChineseIdNumber;
import cn.kaowu.platform.kernel.PersonalData;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;

/**
 * Seals the ID and phone numbers stored in plaintext before issue 10 part 3 into the columns V393 added; V395 then
 * drops the plaintext. Runs in Flyway's transaction for this migration, so a failure leaves nothing half-converted:
 * the rows stay as they were and the next start converts them again.
 */
public class V394__SealPersonalData extends BaseJavaMigration {

	private static final int BATCH = 1000;

	private final PersonalData personalData;

	public V394__SealPersonalData(PersonalData personalData) {
		this.personalData = personalData;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		seal(c, "candidate", true);
		seal(c, "registration_record", true);
		seal(c, "staff_member", true);
		seal(c, "staff_relative", false);
	}

	private void seal(Connection c, String table, boolean withPhone) throws Exception {
		String select = "SELECT id, id_number" + (withPhone ? ", phone" : "") + " FROM " + table;
		String update = "UPDATE " + table + " SET id_number_enc = ?, id_number_index = ?, id_number_masked = ?"
				+ (withPhone ? ", phone_enc = ?, phone_masked = ?" : "") + " WHERE id = ?";
		try (Statement s = c.createStatement(); PreparedStatement u = c.prepareStatement(update)) {
			s.setFetchSize(BATCH);
			int pending = 0;
			try (ResultSet rs = s.executeQuery(select)) {
				while (rs.next()) {
					String idNumber = rs.getString("id_number");
					int k = 1;
					u.setBytes(k++, personalData.seal(PersonalData.ID_NUMBER, idNumber));
					u.setBytes(k++, personalData.index(idNumber));
					u.setString(k++, ChineseIdNumber.mask(idNumber));
					if (withPhone) {
						@Nullable String phone = rs.getString("phone");
						u.setBytes(k++, personalData.seal(PersonalData.PHONE, phone == null ? "" : phone));
						u.setString(k++, ChineseIdNumber.maskPhone(phone));
					}
					u.setLong(k, rs.getLong("id"));
					u.addBatch();
					if (++pending == BATCH) {
						u.executeBatch();
						pending = 0;
					}
				}
			}
			if (pending > 0) {
				u.executeBatch();
			}
		}
	}
}
